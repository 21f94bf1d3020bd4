package org.casebridge.notifications.inbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    String recipient;
    String kind;
    String title;
    String caseId;
    String caseReference;
    Instant createdAt;
    Instant readAt;
    long version;
    /** What caused it ({@code <event type>|<subject>|<sequence>}): a redelivered event creates no second notification. */
    @Indexed(unique = true)
    String cause;
    List<OutboxEvent> outbox = new ArrayList<>();

    Notification toNotification() {
        return Notification.restore(id, recipient, Notification.Kind.valueOf(kind), title, caseId, caseReference,
                createdAt, readAt, version);
    }
}
