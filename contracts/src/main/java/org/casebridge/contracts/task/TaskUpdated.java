package org.casebridge.contracts.task;

import java.time.Instant;

/** {@code casebridge.task.updated.v1}: A progress update was posted on the task; it appears on the case log. Subject = task id. */
public record TaskUpdated(TaskSummary task, String text, String by, String organisation, Instant at) {
}
