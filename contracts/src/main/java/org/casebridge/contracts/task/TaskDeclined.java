package org.casebridge.contracts.task;

import java.time.Instant;

/** {@code casebridge.task.declined.v1}: The assignee declined the task, with a reason. Subject = task id. */
public record TaskDeclined(TaskSummary task, String reason, String by, String organisation, Instant at) {
}
