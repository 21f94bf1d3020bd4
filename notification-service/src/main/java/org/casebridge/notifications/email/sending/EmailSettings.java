package org.casebridge.notifications.email.sending;

import java.time.Duration;
import java.util.Map;

import org.casebridge.platform.delivery.Backoff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code casebridge.notifications.email}: the sender's address, each organisation's mail domain (until the partnership
 * directory gives addresses), where links point, and the send and digest timings.
 */
@ConfigurationProperties("casebridge.notifications.email")
public record EmailSettings(String from, String defaultDomain, Map<String, String> domains, String consoleUrl,
        Duration claimFor, int batch, Backoff retry) {

    public EmailSettings {
        domains = domains == null ? Map.of() : domains;
        claimFor = claimFor == null ? Duration.ofMinutes(1) : claimFor;
        batch = batch <= 0 ? 50 : batch;
        retry = retry == null ? new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(15), 12) : retry;
    }

    /** Whether {@code address} is at the organisation's mail domain (or the default domain when it has none). */
    public boolean isOrganisationAddress(String address, String organisation) {
        String domain = organisation == null ? defaultDomain : domains.getOrDefault(organisation, defaultDomain);
        return address.toLowerCase(java.util.Locale.ROOT).endsWith("@" + domain.toLowerCase(java.util.Locale.ROOT));
    }

    String addressOf(String userId, String organisation) {
        return userId + "@" + (organisation == null ? defaultDomain : domains.getOrDefault(organisation, defaultDomain));
    }
}
