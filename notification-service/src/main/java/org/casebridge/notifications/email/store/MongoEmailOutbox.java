package org.casebridge.notifications.email.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * E-mails to send, one per notification (its id is the e-mail's), so a redelivered event never sends twice. A sender
 * claims an e-mail before sending it, so two instances never send the same one; failures wait and are tried again;
 * given-up ones stay here for an administrator to see and retry.
 */
@Repository
public class MongoEmailOutbox {

    static final String COLLECTION = "email_outbox";

    public enum Status { WAITING_FOR_DIGEST, DIGESTED, PENDING, SENDING, SENT, FAILED }

    @Document(COLLECTION)
    public record Email(@Id String id, @Indexed String recipient, String to, String subject, String body,
            @Indexed Status status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
            Instant sentAt) {
    }

    private final MongoTemplate mongo;
    private final org.casebridge.platform.events.PendingOutboxes pending;

    MongoEmailOutbox(MongoTemplate mongo, org.casebridge.platform.events.PendingOutboxes pending) {
        this.mongo = mongo;
        this.pending = pending;
    }

    /** @return false when this e-mail was already queued */
    public boolean enqueue(String id, String recipient, String to, String subject, String body, boolean digest,
            Instant now) {
        try {
            mongo.insert(new Email(id, recipient, to, subject, body, digest ? Status.WAITING_FOR_DIGEST : Status.PENDING, 0,
                    now, null, now, null), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }

    /** Takes one e-mail due for sending, if any, for {@code claimFor}; a crashed sender's claim lapses after that. */
    public Optional<Email> claimNext(Instant now, java.time.Duration claimFor) {
        Criteria due = new Criteria().orOperator(
                Criteria.where("status").is(Status.PENDING.name()).and("nextAttemptAt").lte(now),
                Criteria.where("status").is(Status.SENDING.name()).and("nextAttemptAt").lte(now));
        return Optional.ofNullable(mongo.findAndModify(Query.query(due).with(Sort.by("nextAttemptAt")),
                new Update().set("status", Status.SENDING.name()).set("nextAttemptAt", now.plus(claimFor)),
                FindAndModifyOptions.options().returnNew(true), Email.class, COLLECTION));
    }

    public void sent(String id, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", Status.SENT.name()).set("sentAt", now).unset("lastError"), COLLECTION);
    }

    /** A failed attempt: tried again at {@code retryAt}, or given up when {@code giveUp}. */
    public void failed(String id, String error, Instant retryAt, boolean giveUp) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("attempts", 1)
                .set("status", giveUp ? Status.FAILED.name() : Status.PENDING.name()).set("nextAttemptAt", retryAt)
                .set("lastError", error), COLLECTION);
    }

    /** Not attempted (the far end is known to be down): back in the queue without counting a try. */
    public void postpone(String id, Instant retryAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", Status.PENDING.name()).set("nextAttemptAt", retryAt), COLLECTION);
    }

    /**
     * Puts a FAILED e-mail back in the queue, with {@code audit}, the retry's audit record, pushed onto the e-mail's
     * own {@code outbox} in the same single-document update (the relay publishes it: {@code email_outbox} is one of
     * the service's outbox collections): retried and audited, or neither.
     */
    public boolean retry(String id, Instant now, org.casebridge.platform.events.OutboxEvent... audit) {
        Update update = new Update().set("status", Status.PENDING.name()).set("nextAttemptAt", now).set("attempts", 0);
        if (audit.length > 0) {
            update.push("outbox").each((Object[]) audit);
        }
        boolean retried = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Status.FAILED.name())),
                update, COLLECTION).getModifiedCount() == 1;
        if (retried && audit.length > 0) {
            pending.noted(COLLECTION, id);
        }
        return retried;
    }

    public List<Email> withStatus(Status status, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(status.name()))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Email.class, COLLECTION);
    }

    public Optional<Email> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Email.class, COLLECTION));
    }

    /** Recipients with e-mails waiting for their digest. */
    public List<String> digestRecipients() {
        return mongo.findDistinct(Query.query(Criteria.where("status").is(Status.WAITING_FOR_DIGEST.name())), "recipient",
                COLLECTION, String.class);
    }

    /** Takes one recipient's waiting e-mails for their digest, one at a time, so two instances never both take one. */
    public List<Email> takeForDigest(String recipient) {
        List<Email> taken = new ArrayList<>();
        while (true) {
            Email next = mongo.findAndModify(Query.query(Criteria.where("recipient").is(recipient)
                    .and("status").is(Status.WAITING_FOR_DIGEST.name())).with(Sort.by("createdAt")),
                    new Update().set("status", Status.DIGESTED.name()), FindAndModifyOptions.options().returnNew(true),
                    Email.class, COLLECTION);
            if (next == null) {
                return taken;
            }
            taken.add(next);
        }
    }
}
