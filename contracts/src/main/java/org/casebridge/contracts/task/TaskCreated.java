package org.casebridge.contracts.task;

import java.time.Instant;

/** {@code casebridge.task.created.v1}: A task was set. Subject = task id. */
public record TaskCreated(TaskSummary task, String by, String organisation, Instant at) {
}
