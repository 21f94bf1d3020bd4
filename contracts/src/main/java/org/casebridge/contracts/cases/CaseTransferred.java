package org.casebridge.contracts.cases;

import java.time.Instant;

/**
 * {@code casebridge.case.transferred.v1}: another organisation accepted the lead of a case and now owns it; sharing
 * re-confirms who else may see it. Subject = case id.
 */
public record CaseTransferred(String caseId, String reference, String caseType, boolean restricted,
        String fromOrganisation, String toOrganisation, String leadOfficer, String acceptedBy, Instant transferredAt) {
}
