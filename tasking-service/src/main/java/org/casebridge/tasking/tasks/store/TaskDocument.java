package org.casebridge.tasking.tasks.store;

import java.time.Instant;

import org.casebridge.tasking.tasks.domain.Task;
import org.casebridge.tasking.tasks.domain.TaskStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a task is stored. No outbox yet: tasking publishes no events of its own so far. */
@Document(MongoTasks.COLLECTION)
@CompoundIndexes(@CompoundIndex(name = "assigned_newest_first", def = "{'assignee': 1, '_id': -1}"))
class TaskDocument {

    @Id
    String id;
    @Indexed
    String caseId;
    String title;
    String assignee;
    String createdBy;
    String organisation;
    Instant createdAt;
    String status;
    long version;
    /** {@code <user>|<Idempotency-Key>}: a retried POST finds the task it already set. */
    @Indexed(unique = true, sparse = true)
    String idempotencyKey;

    static TaskDocument of(Task t) {
        TaskDocument doc = new TaskDocument();
        doc.id = t.id();
        doc.caseId = t.caseId();
        doc.title = t.title();
        doc.assignee = t.assignee();
        doc.createdBy = t.createdBy();
        doc.organisation = t.organisation();
        doc.createdAt = t.createdAt();
        doc.status = t.status().name();
        doc.version = t.version();
        return doc;
    }

    Task toTask() {
        return Task.restore(id, caseId, title, assignee, createdBy, organisation, createdAt, TaskStatus.valueOf(status),
                version);
    }
}
