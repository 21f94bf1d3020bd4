package org.casebridge.sharing.webhooks.store;

import java.time.Instant;
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
 * Webhook subscriptions (a partner organisation's feed over HTTPS) and the calls to make: one per subscription and
 * feed record, so a redelivered record is not posted twice; claimed before sending, so two instances never post the
 * same one; failures wait and are tried again.
 */
@Repository
public class MongoWebhooks {

    static final String SUBSCRIPTIONS = "webhook_subscriptions";
    static final String DELIVERIES = "webhook_deliveries";

    public enum Status { PENDING, SENDING, DELIVERED, FAILED }

    /** @param secret as stored: sealed by {@link WebhookSecrets}, opened only to sign a call */
    @Document(SUBSCRIPTIONS)
    public record Subscription(@Id String id, @Indexed String organisation, String url, String secret, boolean active,
            String createdBy, Instant createdAt) {
    }

    /** @param position where the record sits on the feed ({@code <partition>-<offset>}), for replays */
    @Document(DELIVERIES)
    public record Delivery(@Id String id, @Indexed String subscriptionId, String eventId, String eventType,
            String position, String body, @Indexed Status status, int attempts, Instant nextAttemptAt, String lastError,
            Integer lastStatus, Instant createdAt, Instant deliveredAt) {
    }

    private final MongoTemplate mongo;

    MongoWebhooks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void subscribe(Subscription subscription) {
        mongo.insert(subscription, SUBSCRIPTIONS);
    }

    public List<Subscription> activeFor(String organisation) {
        return mongo.find(Query.query(Criteria.where("organisation").is(organisation).and("active").is(true)),
                Subscription.class, SUBSCRIPTIONS);
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Subscription.class, SUBSCRIPTIONS));
    }

    public List<Subscription> of(String organisation) {
        return mongo.find(Query.query(Criteria.where("organisation").is(organisation)), Subscription.class, SUBSCRIPTIONS);
    }

    /** @param sealed the new secret, sealed by {@link WebhookSecrets}; the old one is gone at once */
    public void replaceSecret(String id, String sealed) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("secret", sealed), SUBSCRIPTIONS);
    }

    public void deactivate(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("active", false), SUBSCRIPTIONS);
    }

    /** @return false when this call was already queued */
    public boolean enqueue(String id, String subscriptionId, String eventId, String eventType, String position, String body,
            Instant now) {
        try {
            mongo.insert(new Delivery(id, subscriptionId, eventId, eventType, position, body, Status.PENDING, 0, now, null,
                    null, now, null), DELIVERIES);
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }

    public Optional<Delivery> claimNext(Instant now, java.time.Duration claimFor) {
        Criteria due = new Criteria().orOperator(
                Criteria.where("status").is(Status.PENDING.name()).and("nextAttemptAt").lte(now),
                Criteria.where("status").is(Status.SENDING.name()).and("nextAttemptAt").lte(now));
        return Optional.ofNullable(mongo.findAndModify(Query.query(due).with(Sort.by("nextAttemptAt")),
                new Update().set("status", Status.SENDING.name()).set("nextAttemptAt", now.plus(claimFor)),
                FindAndModifyOptions.options().returnNew(true), Delivery.class, DELIVERIES));
    }

    public void delivered(String id, int httpStatus, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", Status.DELIVERED.name())
                .set("deliveredAt", now).set("lastStatus", httpStatus).inc("attempts", 1), DELIVERIES);
    }

    public void failed(String id, Integer httpStatus, String error, Instant retryAt, boolean giveUp) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("attempts", 1)
                .set("status", giveUp ? Status.FAILED.name() : Status.PENDING.name()).set("nextAttemptAt", retryAt)
                .set("lastError", error).set("lastStatus", httpStatus), DELIVERIES);
    }

    public void postpone(String id, Instant retryAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", Status.PENDING.name()).set("nextAttemptAt", retryAt), DELIVERIES);
    }

    public List<Delivery> deliveriesOf(String subscriptionId, Status status, int limit) {
        Criteria criteria = Criteria.where("subscriptionId").is(subscriptionId);
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
                Delivery.class, DELIVERIES);
    }
}
