package org.casebridge.contracts.cases;

import java.time.Instant;

/**
 * {@code casebridge.case.party-linked.v1}: a person, a location or another case was linked to a case with a role
 * (e.g. a person as VICTIM). Subject = case id.
 *
 * @param target PERSON, LOCATION or CASE
 * @param targetId the person's or location's party-service id, or the other case's id
 */
public record CasePartyLinked(String caseId, String reference, String caseType, String target, String targetId,
        String role, String linkedBy, String organisation, Instant linkedAt) {
}
