package org.casebridge.contracts.feed;

import java.time.Instant;

/**
 * {@code casebridge.partner.access-revoked.v1}, on a partner's feed: the organisation may no longer see the case, so
 * its systems must purge what they copied of it. Subject = case id.
 */
public record AccessRevoked(String caseId, String organisation, Instant revokedAt) {
}
