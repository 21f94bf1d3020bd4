package org.casebridge.tasking.tasks.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.casebridge.platform.events.AggregateDocument;
import org.casebridge.tasking.tasks.domain.Assignee;
import org.casebridge.tasking.tasks.domain.Task;
import org.casebridge.tasking.tasks.domain.TaskStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a task is stored, with its timeline and its outbox. */
@Document(MongoTasks.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "assigned_newest_first", def = "{'assignee.id': 1, '_id': -1}"),
        @CompoundIndex(name = "open_by_due_date", def = "{'status': 1, 'dueDate': 1}")})
class TaskDocument extends AggregateDocument {

    @Id
    String id;
    String subjectKind;
    @Indexed
    String subjectId;
    String title;
    String description;
    String priority;
    LocalDate dueDate;
    String sourceLogEntryId;
    Assignee assignee;
    String status;
    @Indexed
    String createdBy;
    String createdByOrganisation;
    Instant createdAt;
    List<Task.Update> updates = new ArrayList<>();
    String outcome;
    Instant completedAt;
    Instant remindedAt;
    Instant overdueAt;
    Instant escalatedAt;
    Instant caseClosedAt;
    long version;

    static TaskDocument of(Task t) {
        TaskDocument doc = new TaskDocument();
        doc.id = t.id();
        doc.subjectKind = t.subjectKind().name();
        doc.subjectId = t.subjectId();
        doc.title = t.title();
        doc.description = t.description();
        doc.priority = t.priority().name();
        doc.dueDate = t.dueDate();
        doc.sourceLogEntryId = t.sourceLogEntryId();
        doc.assignee = t.assignee();
        doc.status = t.status().name();
        doc.createdBy = t.createdBy();
        doc.createdByOrganisation = t.createdByOrganisation();
        doc.createdAt = t.createdAt();
        doc.updates = t.updates();
        doc.outcome = t.outcome();
        doc.completedAt = t.completedAt();
        doc.remindedAt = t.remindedAt();
        doc.overdueAt = t.overdueAt();
        doc.escalatedAt = t.escalatedAt();
        doc.caseClosedAt = t.caseClosedAt();
        doc.version = t.version();
        return doc;
    }

    Task toTask() {
        Task.Builder b = new Task.Builder();
        b.id = id;
        b.subjectKind = Task.SubjectKind.valueOf(subjectKind);
        b.subjectId = subjectId;
        b.title = title;
        b.description = description;
        b.priority = Task.Priority.valueOf(priority);
        b.dueDate = dueDate;
        b.sourceLogEntryId = sourceLogEntryId;
        b.assignee = assignee;
        b.status = TaskStatus.valueOf(status);
        b.createdBy = createdBy;
        b.createdByOrganisation = createdByOrganisation;
        b.createdAt = createdAt;
        b.updates = updates;
        b.outcome = outcome;
        b.completedAt = completedAt;
        b.remindedAt = remindedAt;
        b.overdueAt = overdueAt;
        b.escalatedAt = escalatedAt;
        b.caseClosedAt = caseClosedAt;
        b.version = version;
        return Task.restore(b);
    }
}
