package org.casebridge.contracts.cases;

import java.time.Instant;

/**
 * {@code casebridge.case.transfer-offered.v1}: the owning organisation offers the lead of a case to another
 * organisation, which must accept it. Subject = case id.
 */
public record CaseTransferOffered(String caseId, String reference, String caseType, String fromOrganisation,
        String toOrganisation, String reason, String offeredBy, Instant offeredAt) {
}
