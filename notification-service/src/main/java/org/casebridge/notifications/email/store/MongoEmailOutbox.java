package org.casebridge.notifications.email.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casebridge.notifications.email.domain.EmailStatus;
import org.casebridge.platform.delivery.DeliveryQueue;
import org.casebridge.platform.events.PendingOutboxes;
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
 * E-mails to send, one per notification (its id is the e-mail's), so a redelivered event never sends twice: the
 * platform's {@link DeliveryQueue} (lease, retries, dead letter, retry by an administrator) in {@code email_outbox},
 * plus what only e-mail has, the ones waiting for their recipient's daily digest.
 */
@Repository
public class MongoEmailOutbox {

    static final String COLLECTION = "email_outbox";

    @Document(COLLECTION)
    public record Email(@Id String id, @Indexed String recipient, String to, String subject, String body,
            @Indexed EmailStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
            Instant sentAt) implements DeliveryQueue.Item {
    }

    private final MongoTemplate mongo;
    private final DeliveryQueue<Email> queue;

    MongoEmailOutbox(MongoTemplate mongo, PendingOutboxes pending) {
        this.mongo = mongo;
        this.queue = new DeliveryQueue<>(mongo, pending, COLLECTION, Email.class);
    }

    /** Sending, retries and an administrator's retry (whose audit record rides in the e-mail's own outbox). */
    public DeliveryQueue<Email> queue() {
        return queue;
    }

    /** @return false when this e-mail was already queued */
    public boolean enqueue(String id, String recipient, String to, String subject, String body, boolean digest,
            Instant now) {
        return queue.enqueue(new Email(id, recipient, to, subject, body,
                digest ? EmailStatus.WAITING_FOR_DIGEST : EmailStatus.PENDING, 0, now, null, now, null));
    }

    /** Recipients with e-mails waiting for their digest. */
    public List<String> digestRecipients() {
        return mongo.findDistinct(Query.query(Criteria.where("status").is(EmailStatus.WAITING_FOR_DIGEST.name())), "recipient",
                COLLECTION, String.class);
    }

    /** Takes one recipient's waiting e-mails for their digest, one at a time, so two instances never both take one. */
    public List<Email> takeForDigest(String recipient) {
        List<Email> taken = new ArrayList<>();
        while (true) {
            Email next = mongo.findAndModify(Query.query(Criteria.where("recipient").is(recipient)
                    .and("status").is(EmailStatus.WAITING_FOR_DIGEST.name())).with(Sort.by("createdAt")),
                    new Update().set("status", EmailStatus.DIGESTED.name()), FindAndModifyOptions.options().returnNew(true),
                    Email.class, COLLECTION);
            if (next == null) {
                return taken;
            }
            taken.add(next);
        }
    }
}
