package org.casebridge.sharing.webhooks.delivery;

import java.time.Duration;
import java.util.List;

import org.casebridge.platform.delivery.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code casebridge.webhooks}: whether plain-HTTP endpoints are accepted (only for local use; partners get HTTPS),
 * which hosts may be reached although they are not public (local development only), how long connecting and waiting
 * for an answer may take, and the first retry delay. The key that
 * encrypts the signing secrets is read by {@code WebhookSecrets} alone.
 */
@ConfigurationProperties("casebridge.webhooks")
public record WebhookSettings(boolean allowHttp, List<String> allowedHosts, Duration connectTimeout, Duration timeout,
        Duration firstRetry, Duration claimFor, int batch, int maxReplay) {

    public WebhookSettings {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        firstRetry = firstRetry == null ? Duration.ofSeconds(10) : firstRetry;
        claimFor = claimFor == null ? Duration.ofMinutes(1) : claimFor;
        batch = batch <= 0 ? 50 : batch;
        maxReplay = maxReplay <= 0 ? 10_000 : maxReplay;
    }

    /** A failed call is tried again after {@code firstRetry}, doubling to at most 30 min apart; given up after 15 tries (about 4 hours). */
    public Backoff retry() {
        return new Backoff(firstRetry, Duration.ofMinutes(30), 15);
    }
}
