package org.casebridge.notifications.inbox.store;

import java.time.Instant;
import java.util.List;

import org.casebridge.notifications.inbox.domain.Notification;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Notifications about a case on which no access decision has reached this service yet: held, not delivered and not
 * dropped, until the decision says whether their recipient may see the case. One per cause and recipient, like the
 * inbox, so a redelivered event holds nothing twice.
 */
@Repository
public class MongoHeldNotifications {

    static final String COLLECTION = "held_notifications";

    public record Held(String id, String cause, Notification.Draft draft, Instant heldAt) {
    }

    private final MongoTemplate mongo;

    MongoHeldNotifications(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void hold(Notification.Draft draft, String cause, Instant at) {
        org.bson.Document doc = new org.bson.Document("_id", cause + "|" + draft.recipient()).append("cause", cause)
                .append("caseId", draft.caseId()).append("recipient", draft.recipient())
                .append("organisation", draft.organisation()).append("kind", draft.kind().name())
                .append("title", draft.title()).append("caseReference", draft.caseReference())
                .append("taskId", draft.taskId()).append("heldAt", java.util.Date.from(at));
        try {
            mongo.insert(doc, COLLECTION);
        } catch (DuplicateKeyException alreadyHeld) {
            // the same event again: held once is enough
        }
    }

    /** Held for {@code caseId}, oldest first. */
    public List<Held> of(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId))
                .with(org.springframework.data.domain.Sort.by("heldAt")), org.bson.Document.class, COLLECTION)
                .stream().map(MongoHeldNotifications::held).toList();
    }

    /** The cases something is held for. */
    public List<String> cases() {
        return mongo.findDistinct(new Query(), "caseId", COLLECTION, String.class);
    }

    public void release(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    private static Held held(org.bson.Document d) {
        return new Held(d.getString("_id"), d.getString("cause"), new Notification.Draft(d.getString("recipient"),
                d.getString("organisation"), Notification.Kind.valueOf(d.getString("kind")), d.getString("title"),
                d.getString("caseId"), d.getString("caseReference"), d.getString("taskId")), d.getDate("heldAt").toInstant());
    }
}
