package org.casebridge.contracts.task;

import java.time.Instant;

/** {@code casebridge.task.cancelled.v1}: The creator cancelled the task, with a reason. Subject = task id. */
public record TaskCancelled(TaskSummary task, String reason, String by, String organisation, Instant at) {
}
