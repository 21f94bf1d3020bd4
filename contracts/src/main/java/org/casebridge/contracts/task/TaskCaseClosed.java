package org.casebridge.contracts.task;

import java.time.Instant;

/** {@code casebridge.task.case-closed.v1}: The case the task is on was closed while the task was open; the task is flagged to its assignee and creator, not cancelled. Subject = task id. */
public record TaskCaseClosed(TaskSummary task, String closedBy, Instant at) {
}
