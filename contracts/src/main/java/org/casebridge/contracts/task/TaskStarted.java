package org.casebridge.contracts.task;

import java.time.Instant;

/** {@code casebridge.task.started.v1}: The assignee started work on the task. Subject = task id. */
public record TaskStarted(TaskSummary task, String by, String organisation, Instant at) {
}
