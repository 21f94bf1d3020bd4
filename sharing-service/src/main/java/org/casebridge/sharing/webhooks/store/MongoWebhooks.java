package org.casebridge.sharing.webhooks.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.casebridge.platform.delivery.DeliveryQueue;
import org.casebridge.platform.events.PendingOutboxes;
import org.casebridge.sharing.webhooks.domain.CallStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Webhook subscriptions (a partner organisation's feed over HTTPS) and the calls to make: one per subscription and
 * feed record, so a redelivered record is not posted twice, in the platform's {@link DeliveryQueue}.
 */
@Repository
public class MongoWebhooks {

    static final String SUBSCRIPTIONS = "webhook_subscriptions";
    static final String DELIVERIES = "webhook_deliveries";

    /** A call's status as partners read it: what the delivery queue calls SENT is DELIVERED to them. */
    public static CallStatus statusOf(DeliveryQueue.Status stored) {
        return stored == DeliveryQueue.Status.SENT ? CallStatus.DELIVERED : CallStatus.valueOf(stored.name());
    }

    private static DeliveryQueue.Status stored(CallStatus status) {
        return status == CallStatus.DELIVERED ? DeliveryQueue.Status.SENT : DeliveryQueue.Status.valueOf(status.name());
    }

    /** @param secret as stored: sealed by {@link WebhookSecrets}, opened only to sign a call */
    @Document(SUBSCRIPTIONS)
    public record Subscription(@Id String id, @Indexed String organisation, String url, String secret, boolean active,
            String createdBy, Instant createdAt) {
    }

    /** @param position where the record sits on the feed ({@code <partition>-<offset>}), for replays */
    @Document(DELIVERIES)
    public record Delivery(@Id String id, @Indexed String subscriptionId, String eventId, String eventType,
            String position, String body, @Indexed DeliveryQueue.Status status, int attempts, Instant nextAttemptAt,
            String lastError, Integer lastStatus, Instant createdAt, Instant sentAt) implements DeliveryQueue.Item {
    }

    private final MongoTemplate mongo;
    private final DeliveryQueue<Delivery> deliveries;

    MongoWebhooks(MongoTemplate mongo, PendingOutboxes pending) {
        this.mongo = mongo;
        this.deliveries = new DeliveryQueue<>(mongo, pending, DELIVERIES, Delivery.class);
    }

    /** The calls to make: the platform's delivery queue (lease, retries, dead letter) in {@code webhook_deliveries}. */
    public DeliveryQueue<Delivery> deliveries() {
        return deliveries;
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
        return deliveries.enqueue(new Delivery(id, subscriptionId, eventId, eventType, position, body,
                DeliveryQueue.Status.PENDING, 0, now, null, null, now, null));
    }

    public List<Delivery> deliveriesOf(String subscriptionId, CallStatus status, int limit) {
        Criteria criteria = Criteria.where("subscriptionId").is(subscriptionId);
        if (status != null) {
            criteria = criteria.and("status").is(stored(status).name());
        }
        return deliveries.find(criteria, limit);
    }
}
