package org.casebridge.contracts.task;

import java.time.Instant;

/** {@code casebridge.task.accepted.v1}: The assignee accepted the task. Subject = task id. */
public record TaskAccepted(TaskSummary task, String by, String organisation, Instant at) {
}
