package org.casebridge.notifications.inbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.platform.events.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(MongoInbox.COLLECTION)
@CompoundIndex(name = "inbox_newest_first", def = "{'recipient': 1, '_id': -1}")
class NotificationDocument {

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
    List<OutboxEvent> outbox = new ArrayList<>();

    Notification toNotification() {
        return Notification.restore(id, recipient, Notification.Kind.valueOf(kind), title, caseId, caseReference, taskId,
                createdAt, readBy, version);
    }
}
