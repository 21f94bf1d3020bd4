package org.casebridge.sharing.webhooks.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code casebridge.webhooks}: whether plain-HTTP endpoints are accepted (only for local use; partners get HTTPS),
 * how long a call may take, and the first retry delay.
 */
@ConfigurationProperties("casebridge.webhooks")
public record WebhookSettings(boolean allowHttp, Duration timeout, Duration firstRetry, Duration claimFor, int batch,
        int maxReplay) {

    public WebhookSettings {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        firstRetry = firstRetry == null ? Duration.ofSeconds(10) : firstRetry;
        claimFor = claimFor == null ? Duration.ofMinutes(1) : claimFor;
        batch = batch <= 0 ? 50 : batch;
        maxReplay = maxReplay <= 0 ? 10_000 : maxReplay;
    }
}
