package org.casebridge.contracts.task;

import java.time.Instant;

/** {@code casebridge.task.overdue.v1}: The task passed its due date without being done. Subject = task id. */
public record TaskOverdue(TaskSummary task, Instant at) {
}
