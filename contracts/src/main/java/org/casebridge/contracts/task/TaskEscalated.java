package org.casebridge.contracts.task;

import java.time.Instant;

/** {@code casebridge.task.escalated.v1}: The task stayed overdue past the grace period: escalated to the supervisors of the assignee's organisation. Subject = task id. */
public record TaskEscalated(TaskSummary task, int daysOverdue, Instant at) {
}
