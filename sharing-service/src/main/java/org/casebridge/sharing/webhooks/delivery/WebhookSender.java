package org.casebridge.sharing.webhooks.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.casebridge.platform.delivery.Channel;
import org.casebridge.platform.delivery.Courier;
import org.casebridge.sharing.webhooks.domain.WebhookSignature;
import org.casebridge.sharing.webhooks.domain.WebhooksNotSetUp;
import org.casebridge.sharing.webhooks.store.MongoWebhooks;
import org.casebridge.sharing.webhooks.store.MongoWebhooks.Delivery;
import org.casebridge.sharing.webhooks.store.MongoWebhooks.Subscription;
import org.casebridge.sharing.webhooks.store.WebhookSecrets;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts queued calls to partners' endpoints, signed: the webhook channel of the platform's {@link Courier}, which tries
 * a non-2xx answer or no answer again with backoff, and holds back (uncounted) the calls of an endpoint whose own
 * circuit breaker has opened without holding up others.
 * Each call goes only to addresses {@link WebhookTargets} let through, checked again before it, within the connect and answer time limits,
 * follows no redirect, and what the partner reads back of a failure is generic (the detail stays in our log).
 */
@Component
public class WebhookSender implements Channel<Delivery> {

    private final MongoWebhooks webhooks;
    private final Clock clock;
    private final RestClient http;

    private final WebhookSecrets secrets;
    private final WebhookTargets targets;
    private final Courier<Delivery> courier;

    WebhookSender(MongoWebhooks webhooks, CircuitBreakerFactory<?, ?> breakers, WebhookSettings settings, Clock clock,
            WebhookTargets targets, WebhookSecrets secrets) {
        this.webhooks = webhooks;
        this.clock = clock;
        this.secrets = secrets;
        this.targets = targets;
        var client = java.net.http.HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                // a redirect could lead anywhere, inside the network too; a 3xx is a failed call
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
        this.courier = new Courier<>(webhooks.deliveries(), this, breakers, clock,
                new Courier.Rounds(settings.batch(), settings.claimFor(), settings.retry()));
    }

    @Scheduled(fixedDelayString = "${casebridge.webhooks.send-every}")
    void onSchedule() {
        sendDue();
    }

    public int sendDue() {
        return courier.sendDue();
    }

    @Override
    public Attempt attempt(Delivery delivery) {
        Subscription subscription = webhooks.find(delivery.subscriptionId()).filter(Subscription::active)
                .orElseThrow(() -> new Undeliverable("subscription ended"));
        String secret;
        try {
            secret = secrets.open(subscription.id(), subscription.secret());
        } catch (WebhooksNotSetUp off) {
            throw new NotNow(off.getMessage());
        }
        return new Attempt("webhook-" + subscription.id(), () -> {
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
            return status;
        });
    }

    @Override
    public Integer answerOf(Throwable failure) {
        return statusOf(failure);
    }

    @Override
    public String describe(Throwable failure) {
        return forThePartner(failure);
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
