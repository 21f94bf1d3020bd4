package org.casebridge.contracts.sharing;

import java.time.Instant;

/**
 * {@code casebridge.sharing.access-request-decided.v1}: an access request was approved (a share was made, until
 * {@code expiresAt}) or declined. Subject = request id.
 *
 * @param decision APPROVED or DECLINED
 */
public record AccessRequestDecided(String requestId, String caseId, String requestedBy, String requesterOrganisation,
        String decision, String level, Instant expiresAt, String decidedBy, String ownerOrganisation, Instant decidedAt) {
}
