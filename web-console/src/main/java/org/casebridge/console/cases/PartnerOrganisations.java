package org.casebridge.console.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.casebridge.console.api.Api;
import org.springframework.stereotype.Component;

/**
 * The partnership's organisations, to offer a case's lead to ({@code ${@partnerOrganisations.all()}}). They change
 * only with the partnership's configuration, so they are read at most every ten minutes.
 */
@Component("partnerOrganisations")
public class PartnerOrganisations {

    private static final Duration KEEP = Duration.ofMinutes(10);

    private final Api api;
    private volatile List<Map<String, Object>> kept = List.of();
    private volatile Instant readAt = Instant.EPOCH;

    PartnerOrganisations(Api api) {
        this.api = api;
    }

    public List<Map<String, Object>> all() {
        if (kept.isEmpty() || readAt.plus(KEEP).isBefore(Instant.now())) {
            Api.Answer found = api.get("/api/v1/sharing/organisations");
            if (found.ok()) {
                kept = found.list();
                readAt = Instant.now();
            }
        }
        return kept;
    }
}
