package org.casebridge.contracts.sharing;

import java.time.Instant;

/**
 * {@code casebridge.sharing.access-requested.v1}: a practitioner asked for access to a case they cannot see; the
 * owner's supervisors decide. The reason stays in sharing-service (it may name people). Subject = request id.
 */
public record AccessRequested(String requestId, String caseId, String caseType, String ownerOrganisation,
        String requestedBy, String requesterOrganisation, Instant requestedAt) {
}
