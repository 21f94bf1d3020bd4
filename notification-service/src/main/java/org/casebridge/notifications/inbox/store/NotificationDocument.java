package org.casebridge.notifications.inbox.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.platform.events.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(MongoInbox.COLLECTION)
@CompoundIndex(name = "inbox_newest_first", def = "{'recipient': 1, '_id': -1}")
class NotificationDocument extends AggregateDocument {

    @Id
    String id;
    /** {@code user:<id>}, {@code team:<code>}, {@code org:<code>} or {@code supervisors:<org>}. */
    String recipient;
    String kind;
    String title;
    String caseId;
    String caseReference;
    String taskId;
    Instant createdAt;
    /** Users who have read it: a team's notification is read by each member for themselves. */
    Set<String> readBy = new HashSet<>();
    long version;
    /** What caused it and for whom: a redelivered event creates no second notification. */
    @Indexed(unique = true)
    String cause;

    /** A new notification as stored; who has read it is kept by the inbox's updates, not by the domain. */
    static NotificationDocument of(Notification notification) {
        NotificationDocument doc = new NotificationDocument();
        doc.id = notification.id();
        doc.recipient = notification.recipient();
        doc.kind = notification.kind().name();
        doc.title = notification.title();
        doc.caseId = notification.caseId();
        doc.caseReference = notification.caseReference();
        doc.taskId = notification.taskId();
        doc.createdAt = notification.createdAt();
        doc.version = notification.version();
        return doc;
    }

    Notification toNotification() {
        return Notification.restore(id, recipient, Notification.Kind.valueOf(kind), title, caseId, caseReference, taskId,
                createdAt, readBy, version);
    }
}
