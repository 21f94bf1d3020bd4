package org.casebridge.notifications.inbox.store;

import java.util.List;

import org.bson.types.ObjectId;
import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
public class MongoInbox {

    static final String COLLECTION = "notifications";

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OutboxEvents events;

    MongoInbox(MongoTemplate mongo, AggregateStore store, OutboxEvents events) {
        this.mongo = mongo;
        this.store = store;
        this.events = events;
    }

    public String newId() {
        return new ObjectId().toHexString();
    }

    /** @return false when this cause already produced its notification */
    public boolean deliver(Notification notification, String cause) {
        NotificationDocument doc = new NotificationDocument();
        doc.id = notification.id();
        doc.recipient = notification.recipient();
        doc.kind = notification.kind().name();
        doc.title = notification.title();
        doc.caseId = notification.caseId();
        doc.caseReference = notification.caseReference();
        doc.createdAt = notification.createdAt();
        doc.version = notification.version();
        doc.cause = cause;
        notification.newEvents().forEach(e -> doc.outbox.add(events.of(notification.id(), notification.version(), e)));
        try {
            store.insert(doc, COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyDelivered) {
            return false;
        }
    }

    /** The recipient's inbox, newest first, after the cursor (a notification id) if given. */
    public List<Notification> inboxOf(String recipient, String after, int limit) {
        Criteria criteria = Criteria.where("recipient").is(recipient);
        if (after != null) {
            criteria = criteria.and("_id").lt(after);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit),
                NotificationDocument.class, COLLECTION).stream().map(NotificationDocument::toNotification).toList();
    }
}
