package org.casebridge.notifications.inbox.store;

import java.util.List;
import java.util.Optional;

import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.Aggregates;
import org.casebridge.platform.events.OutboxEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Inboxes: one document per notification, addressed to a principal, read state per user. */
@Repository
public class MongoInbox extends Aggregates<Notification, NotificationDocument> {

    static final String COLLECTION = "notifications";

    MongoInbox(MongoTemplate mongo, AggregateStore store, OutboxEvents events) {
        super(mongo, store, events, COLLECTION, NotificationDocument.class, NotificationDocument::of,
                NotificationDocument::toNotification);
    }

    /**
     * Stores a notification unless {@code cause} already produced one for the same recipient.
     *
     * @return false when it was already delivered
     */
    public boolean deliver(Notification notification, String cause) {
        try {
            insert(notification, doc -> doc.cause = cause + "|" + notification.recipient());
            return true;
        } catch (DuplicateKeyException alreadyDelivered) {
            return false;
        }
    }

    private static Criteria addressedTo(List<String> principals) {
        return Criteria.where("recipient").in(principals);
    }

    /** What {@code principals} may read, newest first, after the cursor; only unread ones for {@code userId} if asked. */
    public List<Notification> inboxOf(List<String> principals, String userId, boolean unreadOnly, String after, int limit) {
        Criteria criteria = addressedTo(principals);
        if (unreadOnly) {
            criteria = criteria.and("readBy").ne(userId);
        }
        if (after != null) {
            criteria = criteria.and("_id").lt(after);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        query.fields().exclude("outbox");
        return mongo.find(query, NotificationDocument.class, COLLECTION).stream()
                .map(NotificationDocument::toNotification).toList();
    }

    public long unreadCount(List<String> principals, String userId) {
        return mongo.count(Query.query(addressedTo(principals).and("readBy").ne(userId)), COLLECTION);
    }

    /** Marks one notification read for {@code userId}; empty when they may not read it. */
    public Optional<Notification> markRead(String id, List<String> principals, String userId) {
        Query mine = Query.query(Criteria.where("_id").is(id).andOperator(addressedTo(principals)));
        mongo.updateFirst(mine, new Update().addToSet("readBy", userId), COLLECTION);
        return Optional.ofNullable(mongo.findOne(mine, NotificationDocument.class, COLLECTION))
                .map(NotificationDocument::toNotification);
    }

    public long markAllRead(List<String> principals, String userId) {
        return mongo.updateMulti(Query.query(addressedTo(principals).and("readBy").ne(userId)),
                new Update().addToSet("readBy", userId), COLLECTION).getModifiedCount();
    }
}
