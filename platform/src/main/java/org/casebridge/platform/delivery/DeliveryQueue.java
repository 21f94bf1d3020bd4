package org.casebridge.platform.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.casebridge.platform.events.OutboxEvent;
import org.casebridge.platform.events.PendingOutboxes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A durable queue of deliveries in one MongoDB collection (e-mails, webhook calls), one document each, its id chosen by
 * the caller so a redelivered event never queues twice. A sender leases an item before sending it ({@code SENDING}
 * until a time stored with it), so two instances never send the same one and a sender killed mid-send loses nothing:
 * its lease lapses and the item is taken again. Failures wait and are tried again; given-up ones ({@code FAILED}) stay
 * for an administrator to see and retry.
 *
 * <p>The channel's record holds its own fields beside the queue's: {@code _id}, {@code status}, {@code attempts},
 * {@code nextAttemptAt}, {@code lastError}, {@code lastStatus}, {@code createdAt}, {@code sentAt}. A channel may park
 * items in statuses of its own (an e-mail waiting for the digest); the queue only takes {@code PENDING} ones.
 */
public final class DeliveryQueue<T extends DeliveryQueue.Item> {

    public enum Status { PENDING, SENDING, SENT, FAILED }

    /** What the queue reads of a channel's record. */
    public interface Item {
        String id();

        int attempts();
    }

    private final MongoTemplate mongo;
    private final PendingOutboxes pending;
    private final String collection;
    private final Class<T> type;

    public DeliveryQueue(MongoTemplate mongo, PendingOutboxes pending, String collection, Class<T> type) {
        this.mongo = mongo;
        this.pending = pending;
        this.collection = collection;
        this.type = type;
    }

    public String collection() {
        return collection;
    }

    /** @return false when this item was already queued */
    public boolean enqueue(T item) {
        try {
            mongo.insert(item, collection);
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }

    /** Leases the item due first, if any, for {@code leaseFor}; a lapsed lease (its sender died) is taken again. */
    public Optional<T> claimNext(Instant now, Duration leaseFor) {
        Criteria due = Criteria.where("status").in(Status.PENDING.name(), Status.SENDING.name()).and("nextAttemptAt").lte(now);
        return Optional.ofNullable(mongo.findAndModify(Query.query(due).with(Sort.by("nextAttemptAt")),
                new Update().set("status", Status.SENDING.name()).set("nextAttemptAt", now.plus(leaseFor)),
                FindAndModifyOptions.options().returnNew(true), type, collection));
    }

    /** Arrived; every try counts, the one that worked too. */
    public void sent(String id, Integer answer, Instant now) {
        Update update = new Update().set("status", Status.SENT.name()).set("sentAt", now).inc("attempts", 1)
                .unset("lastError");
        mongo.updateFirst(byId(id), answer == null ? update : update.set("lastStatus", answer), collection);
    }

    /** A failed try: tried again at {@code retryAt}, or given up (dead-lettered) when {@code giveUp}. */
    public void failed(String id, Integer answer, String error, Instant retryAt, boolean giveUp) {
        mongo.updateFirst(byId(id), new Update().inc("attempts", 1)
                .set("status", giveUp ? Status.FAILED.name() : Status.PENDING.name()).set("nextAttemptAt", retryAt)
                .set("lastError", error).set("lastStatus", answer), collection);
    }

    /** Not tried (the far end is known to be down, or we are not ready): back in the queue without counting a try. */
    public void postpone(String id, Instant retryAt) {
        mongo.updateFirst(byId(id), new Update().set("status", Status.PENDING.name()).set("nextAttemptAt", retryAt),
                collection);
    }

    /**
     * An administrator puts a FAILED item back in the queue, with {@code audit}, the retry's audit record, pushed onto
     * the item's own {@code outbox} in the same single-document update (the collection must be one of the service's
     * outbox collections): retried and audited, or neither.
     */
    public boolean retry(String id, Instant now, OutboxEvent... audit) {
        Update update = new Update().set("status", Status.PENDING.name()).set("nextAttemptAt", now).set("attempts", 0);
        if (audit.length > 0) {
            update.push("outbox").each((Object[]) audit);
        }
        boolean retried = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Status.FAILED.name())),
                update, collection).getModifiedCount() == 1;
        if (retried && audit.length > 0) {
            pending.noted(collection, id);
        }
        return retried;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(mongo.findById(id, type, collection));
    }

    /** Newest first. */
    public List<T> find(Criteria criteria, int limit) {
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), type,
                collection);
    }

    public List<T> withStatus(String status, int limit) {
        return find(Criteria.where("status").is(status), limit);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
