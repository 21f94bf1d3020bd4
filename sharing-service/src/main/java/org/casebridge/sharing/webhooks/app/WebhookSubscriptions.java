package org.casebridge.sharing.webhooks.app;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.bson.types.ObjectId;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.webhooks.delivery.FeedReplay;
import org.casebridge.sharing.webhooks.delivery.WebhookSettings;
import org.casebridge.sharing.webhooks.delivery.WebhookTargets;
import org.casebridge.sharing.webhooks.domain.CallStatus;
import org.casebridge.sharing.webhooks.store.MongoWebhooks;
import org.casebridge.sharing.webhooks.store.MongoWebhooks.Subscription;
import org.casebridge.sharing.webhooks.store.WebhookSecrets;
import org.springframework.stereotype.Component;

/**
 * Webhook subscriptions: a partner organisation's feed delivered over HTTPS to its own system, managed by the
 * organisation's integration clients and administrators (to anyone else another organisation's subscription does not
 * exist). The signing secret is shown once, when made or rotated, and kept sealed.
 */
@Component
public class WebhookSubscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoWebhooks webhooks;
    private final FeedReplay replay;
    private final WebhookSettings settings;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final Clock clock;

    WebhookSubscriptions(MongoWebhooks webhooks, FeedReplay replay, WebhookSettings settings, WebhookTargets targets,
            WebhookSecrets secrets, Clock clock) {
        this.webhooks = webhooks;
        this.replay = replay;
        this.settings = settings;
        this.targets = targets;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** @param secret shown once, when the subscription is made or its secret rotated: the key that signs every call */
    public record SubscriptionView(String id, String organisation, String url, boolean active, Instant createdAt, String secret) {
        static SubscriptionView of(Subscription s, String newSecret) {
            return new SubscriptionView(s.id(), s.organisation(), s.url(), s.active(), s.createdAt(), newSecret);
        }
    }

    public record DeliveryView(String id, String eventId, String eventType, String position, String status, int attempts,
            Integer lastStatus, String lastError, Instant nextAttemptAt, Instant deliveredAt) {
        static DeliveryView of(MongoWebhooks.Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.position(),
                    MongoWebhooks.statusOf(d.status()).name(), d.attempts(), d.lastStatus(), d.lastError(),
                    d.nextAttemptAt(), d.sentAt());
        }
    }

    public SubscriptionView subscribe(String requestedUrl, CurrentUser user) {
        String organisation = requireIntegrator(user);
        URI url;
        try {
            url = URI.create(requestedUrl.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("Not a URL: " + requestedUrl);
        }
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        boolean http = "http".equalsIgnoreCase(url.getScheme());
        if (url.getHost() == null || !(https || (http && settings.allowHttp()))) {
            throw DomainException.invalid("A webhook URL must be https://" + (settings.allowHttp() ? " or http://" : "") + "…");
        }
        if (url.getUserInfo() != null) {
            throw DomainException.invalid("A webhook URL carries no user name or password; calls are signed instead.");
        }
        targets.requireReachable(url);
        String id = new ObjectId().toHexString();
        String secret = newSecret();
        Subscription subscription = new Subscription(id, organisation, url.toString(), secrets.seal(id, secret), true,
                user.id(), clock.instant());
        webhooks.subscribe(subscription);
        return SubscriptionView.of(subscription, secret);
    }

    /** A new secret replaces the old at once. */
    public SubscriptionView rotateSecret(String id, CurrentUser user) {
        Subscription subscription = owned(id, user);
        if (!subscription.active()) {
            throw DomainException.conflict("This subscription has ended.");
        }
        String secret = newSecret();
        webhooks.replaceSecret(subscription.id(), secrets.seal(subscription.id(), secret));
        return SubscriptionView.of(subscription, secret);
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** The caller's organisation's subscriptions, without their secrets. */
    public List<SubscriptionView> mine(CurrentUser user) {
        return webhooks.of(requireIntegrator(user)).stream().map(s -> SubscriptionView.of(s, null)).toList();
    }

    public void end(String id, CurrentUser user) {
        webhooks.deactivate(owned(id, user).id());
    }

    /** @param status null for every status */
    public List<DeliveryView> deliveries(String id, CallStatus status, int limit, CurrentUser user) {
        return webhooks.deliveriesOf(owned(id, user).id(), status, limit).stream().map(DeliveryView::of).toList();
    }

    /** @return how many calls were queued again */
    public int replay(String id, Instant since, String fromPosition, CurrentUser user) {
        Subscription subscription = owned(id, user);
        if (!subscription.active()) {
            throw DomainException.conflict("This subscription has ended.");
        }
        try {
            return replay.replay(subscription, since, fromPosition);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
    }

    private Subscription owned(String id, CurrentUser user) {
        String organisation = requireIntegrator(user);
        return webhooks.find(id).filter(s -> s.organisation().equals(organisation))
                .orElseThrow(() -> DomainException.notFound("Webhook subscription " + id));
    }

    private static String requireIntegrator(CurrentUser user) {
        if (user.organisation() == null || !(user.roles().contains("INTEGRATION") || user.roles().contains("ORG_ADMIN"))) {
            throw DomainException.forbidden("Webhook subscriptions are managed by an organisation's integration clients "
                    + "and administrators.");
        }
        return user.organisation();
    }
}
