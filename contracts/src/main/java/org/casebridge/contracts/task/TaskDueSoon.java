package org.casebridge.contracts.task;

import java.time.Instant;

/** {@code casebridge.task.due-soon.v1}: A reminder: the task is due within the reminder period and not done. Subject = task id. */
public record TaskDueSoon(TaskSummary task, Instant at) {
}
