package org.casebridge.contracts.task;

import java.time.Instant;

/** {@code casebridge.task.assigned.v1}: A task was given to someone else: reassigned by its creator, or allocated to a person by a supervisor of the team or organisation it was set to. Subject = task id. */
public record TaskAssigned(TaskSummary task, TaskSummary.Assignee previous, String by, String organisation, Instant at) {
}
