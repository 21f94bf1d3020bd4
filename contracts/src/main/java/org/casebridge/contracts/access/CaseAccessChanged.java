package org.casebridge.contracts.access;

import java.time.Instant;
import java.util.List;

/**
 * {@code casebridge.access.changed.v1} on the compacted access topic, key = case id: who may do what on a case.
 * The latest record per case is the whole truth; services keep a projection of it and enforce it.
 *
 * @param restricted restricted cases (e.g. domestic abuse) are visible to named users only
 */
public record CaseAccessChanged(
        String caseId,
        String caseType,
        String ownerOrganisation,
        boolean restricted,
        List<Grant> grants,
        Instant decidedAt) {

    /** One principal's level. Levels: VIEW &lt; CONTRIBUTE &lt; MANAGE. */
    public record Grant(PrincipalKind kind, String id, AccessLevel level, Instant expiresAt) {
    }

    public enum PrincipalKind { ORGANISATION, TEAM, USER }

    public enum AccessLevel { VIEW, CONTRIBUTE, MANAGE }
}
