package org.casebridge.sharing.webhooks.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.webhooks.app.WebhookSubscriptions;
import org.casebridge.sharing.webhooks.app.WebhookSubscriptions.SubscriptionView;
import org.casebridge.sharing.webhooks.domain.CallStatus;
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

    private final WebhookSubscriptions subscriptions;

    WebhookController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record NewSubscription(@NotBlank @Size(max = 500) String url) {
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
        SubscriptionView subscription = subscriptions.subscribe(request.url(), user);
        return ResponseEntity.created(URI.create("/api/v1/sharing/webhooks/" + subscription.id())).body(subscription);
    }

    @Operation(summary = "Rotate the signing secret: a new one, returned once, replaces the old at once",
            description = "Calls from now on (retries of earlier ones too) are signed with the new secret. A call your "
                    + "system refuses while it still checks the old one is retried with backoff, so store the new "
                    + "secret within minutes and nothing is lost.")
    @PostMapping("/{id}/secret")
    SubscriptionView rotateSecret(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user) {
        return subscriptions.rotateSecret(id, user);
    }

    @Operation(summary = "Your organisation's webhook subscriptions (without their secrets)")
    @GetMapping
    List<SubscriptionView> mine(CurrentUser user) {
        return subscriptions.mine(user);
    }

    @Operation(summary = "End a subscription; calls not yet made are dropped")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> end(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user) {
        subscriptions.end(id, user);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Calls made and waiting for a subscription, newest first")
    @GetMapping("/{id}/deliveries")
    List<WebhookSubscriptions.DeliveryView> deliveries(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            CurrentUser user, @RequestParam(required = false) CallStatus status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return subscriptions.deliveries(id, status, limit, user);
    }

    @Operation(summary = "Send the feed again from a time or a position",
            description = "Give 'since' (a time) or 'fromPosition' (<partition>-<offset>, from a call's X-CaseBridge-Position "
                    + "header); with neither, the whole feed still held. The same CloudEvent ids come again: de-duplicate by id.")
    @PostMapping("/{id}/replay")
    ResponseEntity<Replayed> replay(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody ReplayRequest request, CurrentUser user) {
        return ResponseEntity.accepted().body(new Replayed(subscriptions.replay(id, request.since(), request.fromPosition(),
                user)));
    }
}
