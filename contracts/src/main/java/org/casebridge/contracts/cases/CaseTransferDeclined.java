package org.casebridge.contracts.cases;

import java.time.Instant;

/** {@code casebridge.case.transfer-declined.v1}: the offered organisation declined the lead, or the offer was withdrawn. */
public record CaseTransferDeclined(String caseId, String reference, String fromOrganisation, String toOrganisation,
        String reason, String declinedBy, String organisation, Instant declinedAt) {
}
