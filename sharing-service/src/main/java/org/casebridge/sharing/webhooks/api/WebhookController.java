package org.casebridge.sharing.webhooks.api;

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
import org.casebridge.sharing.webhooks.store.WebhookSecrets;
import org.casebridge.sharing.webhooks.store.MongoWebhooks;
import org.casebridge.sharing.webhooks.store.MongoWebhooks.Subscription;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Webhook subscriptions: a partner organisation's feed delivered over HTTPS to its own system, for partners without
 * Kafka. Managed by the organisation's integration clients and administrators.
 */
@RestController
@RequestMapping("/api/v1/sharing/webhooks")
@Validated
class WebhookController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoWebhooks webhooks;
    private final FeedReplay replay;
    private final WebhookSettings settings;
    private final Clock clock;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;

    WebhookController(MongoWebhooks webhooks, FeedReplay replay, WebhookSettings settings, Clock clock,
            WebhookTargets targets, WebhookSecrets secrets) {
        this.targets = targets;
        this.secrets = secrets;
        this.webhooks = webhooks;
        this.replay = replay;
        this.settings = settings;
        this.clock = clock;
    }

    record NewSubscription(@NotBlank @Size(max = 500) String url) {
    }

    /** @param secret shown once, when the subscription is made or its secret rotated: the key that signs every call */
    record SubscriptionView(String id, String organisation, String url, boolean active, Instant createdAt, String secret) {
        static SubscriptionView of(Subscription s, String newSecret) {
            return new SubscriptionView(s.id(), s.organisation(), s.url(), s.active(), s.createdAt(), newSecret);
        }
    }

    record DeliveryView(String id, String eventId, String eventType, String position, String status, int attempts,
            Integer lastStatus, String lastError, Instant nextAttemptAt, Instant deliveredAt) {
        static DeliveryView of(MongoWebhooks.Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.position(),
                    MongoWebhooks.Status.of(d.status()).name(), d.attempts(), d.lastStatus(), d.lastError(),
                    d.nextAttemptAt(), d.sentAt());
        }
    }

    record ReplayRequest(Instant since, @Pattern(regexp = "\\d{1,3}-\\d{1,18}") String fromPosition) {
    }

    record Replayed(int queued) {
    }

    @Operation(summary = "Subscribe your organisation's system to its feed over HTTPS",
            description = "Each call is a CloudEvent in structured JSON, signed: X-CaseBridge-Signature is sha256=<hex HMAC "
                    + "of '<X-CaseBridge-Timestamp>.<body>'> with the secret returned here, once. Answer 2xx to acknowledge; "
                    + "anything else is retried with backoff.")
    @PostMapping
    ResponseEntity<SubscriptionView> subscribe(@Valid @RequestBody NewSubscription request, CurrentUser user) {
        String organisation = requireIntegrator(user);
        URI url;
        try {
            url = URI.create(request.url().strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("Not a URL: " + request.url());
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
        return ResponseEntity.created(URI.create("/api/v1/sharing/webhooks/" + subscription.id()))
                .body(SubscriptionView.of(subscription, secret));
    }

    @Operation(summary = "Rotate the signing secret: a new one, returned once, replaces the old at once",
            description = "Calls from now on (retries of earlier ones too) are signed with the new secret. A call your "
                    + "system refuses while it still checks the old one is retried with backoff, so store the new "
                    + "secret within minutes and nothing is lost.")
    @PostMapping("/{id}/secret")
    SubscriptionView rotateSecret(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user) {
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

    @Operation(summary = "Your organisation's webhook subscriptions (without their secrets)")
    @GetMapping
    List<SubscriptionView> mine(CurrentUser user) {
        return webhooks.of(requireIntegrator(user)).stream().map(s -> SubscriptionView.of(s, null)).toList();
    }

    @Operation(summary = "End a subscription; calls not yet made are dropped")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> end(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user) {
        webhooks.deactivate(owned(id, user).id());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Calls made and waiting for a subscription, newest first")
    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestParam(required = false) MongoWebhooks.Status status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return webhooks.deliveriesOf(owned(id, user).id(), status, limit).stream().map(DeliveryView::of).toList();
    }

    @Operation(summary = "Send the feed again from a time or a position",
            description = "Give 'since' (a time) or 'fromPosition' (<partition>-<offset>, from a call's X-CaseBridge-Position "
                    + "header); with neither, the whole feed still held. The same CloudEvent ids come again: de-duplicate by id.")
    @PostMapping("/{id}/replay")
    ResponseEntity<Replayed> replay(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody ReplayRequest request, CurrentUser user) {
        Subscription subscription = owned(id, user);
        if (!subscription.active()) {
            throw DomainException.conflict("This subscription has ended.");
        }
        try {
            return ResponseEntity.accepted().body(new Replayed(replay.replay(subscription, request.since(),
                    request.fromPosition())));
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
