package org.casebridge.tasking.tasks.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.casebridge.tasking.tasks.domain.Assignee;
import org.casebridge.tasking.tasks.domain.Task;

/** A task as the API shows it, with its timeline. */
record TaskView(String id, String caseId, Task.SubjectKind subjectKind, String subjectId, String title,
        String description, Task.Priority priority, LocalDate dueDate, boolean overdue, Assignee assignee, String status,
        String createdBy, String createdByOrganisation, Instant createdAt, String outcome, Instant completedAt,
        boolean caseClosed, String sourceLogEntryId, List<Task.Update> updates, long version) {

    static TaskView of(Task t, Instant now) {
        return new TaskView(t.id(), t.caseId(), t.subjectKind(), t.subjectId(), t.title(), t.description(), t.priority(),
                t.dueDate(), t.isOverdue(now), t.assignee(), t.status().name(), t.createdBy(), t.createdByOrganisation(),
                t.createdAt(), t.outcome(), t.completedAt(), t.caseClosedAt() != null, t.sourceLogEntryId(), t.updates(),
                t.version());
    }
}
