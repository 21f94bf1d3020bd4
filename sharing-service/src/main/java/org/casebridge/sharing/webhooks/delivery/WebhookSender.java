package org.casebridge.sharing.webhooks.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.casebridge.sharing.webhooks.domain.WebhookBackoff;
import org.casebridge.sharing.webhooks.domain.WebhookSignature;
import org.casebridge.sharing.webhooks.store.MongoWebhooks;
import org.casebridge.sharing.webhooks.store.MongoWebhooks.Delivery;
import org.casebridge.sharing.webhooks.store.MongoWebhooks.Subscription;
import org.casebridge.sharing.webhooks.store.WebhookSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * Posts queued calls to partners' endpoints, signed. A non-2xx answer or no answer is tried again with backoff; an
 * endpoint that keeps failing trips its own circuit breaker, so its calls wait (uncounted) without holding up others.
 * Each call goes only to addresses {@link WebhookTargets} let through, checked again before it, within the connect and answer time limits,
 * follows no redirect, and what the partner reads back of a failure is generic (the detail stays in our log).
 */
@Component
public class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration WHILE_OPEN = Duration.ofSeconds(5);

    private final MongoWebhooks webhooks;
    private final CircuitBreakerFactory<?, ?> breakers;
    private final WebhookSettings settings;
    private final Clock clock;
    private final RestClient http;

    private final WebhookSecrets secrets;
    private final WebhookTargets targets;

    WebhookSender(MongoWebhooks webhooks, CircuitBreakerFactory<?, ?> breakers, WebhookSettings settings, Clock clock,
            WebhookTargets targets, WebhookSecrets secrets) {
        this.webhooks = webhooks;
        this.breakers = breakers;
        this.settings = settings;
        this.clock = clock;
        this.secrets = secrets;
        this.targets = targets;
        var client = java.net.http.HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                // a redirect could lead anywhere, inside the network too; a 3xx is a failed call
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Scheduled(fixedDelayString = "${casebridge.webhooks.send-every}")
    void onSchedule() {
        sendDue();
    }

    public int sendDue() {
        int delivered = 0;
        for (int i = 0; i < settings.batch(); i++) {
            Optional<Delivery> next = webhooks.claimNext(clock.instant(), settings.claimFor());
            if (next.isEmpty()) {
                break;
            }
            Optional<Subscription> subscription = webhooks.find(next.get().subscriptionId()).filter(Subscription::active);
            if (subscription.isEmpty()) {
                webhooks.failed(next.get().id(), null, "subscription ended", clock.instant(), true);
                continue;
            }
            if (send(next.get(), subscription.get())) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean send(Delivery delivery, Subscription subscription) {
        String secret;
        try {
            secret = secrets.open(subscription.id(), subscription.secret());
        } catch (WebhookSecrets.NotConfigured off) {
            log.error("Webhook {} waits: {}", delivery.id(), off.getMessage());
            webhooks.postpone(delivery.id(), clock.instant().plus(WHILE_OPEN));
            return false;
        }
        return breakers.create("webhook-" + subscription.id()).run(() -> {
            // the name is resolved and checked again now (DNS rebinding); the client's lookup right after is answered
            // from the JVM's address cache, so it connects to what was checked
            try {
                targets.requireReachableNow(java.net.URI.create(subscription.url()));
            } catch (java.net.UnknownHostException notReachable) {
                throw new java.io.UncheckedIOException(notReachable);
            }
            byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
            long timestamp = clock.instant().getEpochSecond();
            int status = http.post().uri(subscription.url())
                    .header("Content-Type", "application/cloudevents+json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                    .header("X-CaseBridge-Delivery", delivery.id())
                    .header("X-CaseBridge-Position", delivery.position())
                    .body(body)
                    .exchange((request, response) -> response.getStatusCode().value());
            if (status / 100 != 2) {
                throw new Answered(status);
            }
            webhooks.delivered(delivery.id(), status, clock.instant());
            return true;
        }, failure -> {
            Instant now = clock.instant();
            if (failure instanceof CallNotPermittedException) {
                webhooks.postpone(delivery.id(), now.plus(WHILE_OPEN));
                return false;
            }
            int attempts = delivery.attempts() + 1;
            log.warn("Webhook {} to {} failed (attempt {}): {}", delivery.id(), subscription.url(), attempts, failure.toString());
            webhooks.failed(delivery.id(), statusOf(failure), forThePartner(failure),
                    now.plus(WebhookBackoff.after(attempts,
                    settings.firstRetry())), attempts >= WebhookBackoff.MAX_ATTEMPTS);
            return false;
        });
    }

    /** The endpoint answered, but not 2xx. */
    private static final class Answered extends RuntimeException {
        final int status;

        Answered(int status) {
            super("answered " + status, null, false, false);
            this.status = status;
        }
    }

    private static Integer statusOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Answered answered) {
                return answered.status;
            }
        }
        return null;
    }

    /** What a partner reads of a failed call: what kind of failure, never the connection's own error text. */
    static String forThePartner(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Answered answered) {
                return "answered " + answered.status;
            }
            if (cause instanceof WebhookTargets.RefusedAddress) {
                return "not sent: the endpoint's address is not a public internet address";
            }
        }
        return "no answer: the endpoint could not be reached or did not answer in time";
    }
}
