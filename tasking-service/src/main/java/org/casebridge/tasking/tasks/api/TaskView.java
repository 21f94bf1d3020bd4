package org.casebridge.tasking.tasks.api;

import java.time.Instant;

import org.casebridge.tasking.tasks.domain.Task;

/** A task as the API shows it. */
record TaskView(String id, String caseId, String title, String assignee, String createdBy, String organisation,
        Instant createdAt, String status, long version) {

    static TaskView of(Task t) {
        return new TaskView(t.id(), t.caseId(), t.title(), t.assignee(), t.createdBy(), t.organisation(), t.createdAt(),
                t.status().name(), t.version());
    }
}
