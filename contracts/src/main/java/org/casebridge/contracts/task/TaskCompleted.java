package org.casebridge.contracts.task;

import java.time.Instant;

/** {@code casebridge.task.completed.v1}: The task was done, with an outcome note; it appears on the case log. Subject = task id. */
public record TaskCompleted(TaskSummary task, String outcome, String by, String organisation, Instant at) {
}
