package org.casebridge.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a practitioner looks for among the cases they may see; every field is optional and they combine with AND.
 *
 * @param text words that must all appear in the reference, title or summary
 * @param locationIds cases linked to any of these locations (a postcode or area resolves to its locations)
 * @param reviewOverdueOn cases still open whose next review date is before this day
 */
public record CaseSearch(String reference, String type, String status, String riskBand, String ownerOrganisation,
        String leadOfficer, String personId, List<String> locationIds, Instant openedFrom, Instant openedTo, String text,
        LocalDate reviewOverdueOn, Boolean caseReviewDue) {

    public static CaseSearch everything() {
        return new CaseSearch(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
