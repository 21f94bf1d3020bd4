package org.casebridge.contracts.cases;

import java.time.Instant;

/** {@code casebridge.case.party-unlinked.v1}: a link made by mistake or no longer true was removed. Subject = case id. */
public record CasePartyUnlinked(String caseId, String reference, String target, String targetId, String role,
        String unlinkedBy, String organisation, Instant unlinkedAt) {
}
