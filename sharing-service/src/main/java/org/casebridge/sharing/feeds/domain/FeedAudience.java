package org.casebridge.sharing.feeds.domain;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.sharing.partnership.domain.Partnership;

/**
 * Which organisations' systems may receive a case's events on their feed: those the case is shared with as an
 * organisation or through one of their teams. A restricted case is shared with named people only, never with a
 * system, so it goes on no feed.
 */
public final class FeedAudience {

    private FeedAudience() {
    }

    public static Set<String> of(CaseAccessChanged decision, Partnership partnership, Instant now) {
        Set<String> organisations = new TreeSet<>();
        if (decision.restricted()) {
            return organisations;
        }
        for (CaseAccessChanged.Grant grant : decision.grants()) {
            if (grant.expiresAt() != null && !grant.expiresAt().isAfter(now)) {
                continue;
            }
            switch (grant.kind()) {
                case ORGANISATION -> organisations.add(grant.id());
                case TEAM -> partnership.organisationOfTeam(grant.id()).ifPresent(organisations::add);
                case USER -> {
                    // a named person's access is theirs, not their organisation's systems'
                }
            }
        }
        return organisations;
    }
}
