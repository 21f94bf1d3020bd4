package org.casebridge.platform.events;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes an aggregate's document and its new events in one single-document write, so a change and the
 * events announcing it are stored together or not at all, on any MongoDB, without a transaction.
 * Documents carry a {@code version} (optimistic concurrency, the ETag) and an {@code outbox} array.
 */
public class AggregateStore {

    public static final String VERSION = "version";
    public static final String OUTBOX = "outbox";

    private final MongoTemplate mongo;
    private final PendingOutboxes pending;

    public AggregateStore(MongoTemplate mongo, PendingOutboxes pending) {
        this.mongo = mongo;
        this.pending = pending;
    }

    /** Inserts a new aggregate; its document's {@code outbox} already holds the events of its creation. */
    public <T> T insert(T document, String collection) {
        T inserted = mongo.insert(document, collection);
        pending.noted(collection, mongo.getConverter().getMappingContext().getRequiredPersistentEntity(inserted.getClass())
                .getIdentifierAccessor(inserted).getIdentifier());
        return inserted;
    }

    /**
     * Replaces the aggregate's state if nobody changed it since {@code expectedVersion}, and appends the events.
     * Events already in the outbox are left alone, so the relay may be publishing them meanwhile.
     *
     * @param newState the mapped document, its {@code version} already raised
     * @param leaveAlone fields the command does not own (e.g. an access list another service keeps up to date)
     * @return false when the stored version is no longer {@code expectedVersion} (a concurrent update won)
     */
    public boolean update(String collection, Object id, long expectedVersion, Object newState, List<OutboxEvent> events,
            String... leaveAlone) {
        java.util.Set<String> untouched = java.util.Set.of(leaveAlone);
        Document fields = new Document();
        mongo.getConverter().write(newState, fields);
        Update update = new Update();
        fields.forEach((name, value) -> {
            if (!name.equals("_id") && !name.equals(OUTBOX) && !name.equals("_class") && !untouched.contains(name)) {
                update.set(name, value);
            }
        });
        // the converter leaves null properties out, so a field the change cleared must be unset explicitly
        for (var property : mongo.getConverter().getMappingContext().getRequiredPersistentEntity(newState.getClass())) {
            String name = property.getFieldName();
            if (!fields.containsKey(name) && !name.equals(OUTBOX) && !untouched.contains(name)) {
                update.unset(name);
            }
        }
        if (!events.isEmpty()) {
            update.push(OUTBOX).each(events.toArray());
        }
        Query current = Query.query(Criteria.where("_id").is(id).and(VERSION).is(expectedVersion));
        boolean updated = mongo.updateFirst(current, update, collection).getMatchedCount() == 1;
        if (updated && !events.isEmpty()) {
            pending.noted(collection, id);
        }
        return updated;
    }

    /** Records an event that belongs to no aggregate (e.g. an audit record) for the relay to publish. */
    public void append(OutboxEvent event) {
        mongo.insert(event, OutboxRelay.STANDALONE_COLLECTION);
        pending.notedStandalone();
    }

    /** Several standalone events in one write. */
    public void appendAll(List<OutboxEvent> outboxEvents) {
        mongo.insert(outboxEvents, OutboxRelay.STANDALONE_COLLECTION);
        pending.notedStandalone();
    }
}
