package org.casebridge.contracts.cases;

import java.time.Instant;

/**
 * {@code casebridge.case.case-review-threshold-met.v1}: a victim linked to this case has now complained
 * {@code complaints} times in {@code windowMonths} months across the partnership's cases, which meets the ASB Case
 * Review threshold; the review should be offered. Subject = case id.
 */
public record CaseReviewThresholdMet(String caseId, String reference, String ownerOrganisation, String leadOfficer,
        String personId, long complaints, int threshold, int windowMonths, Instant metAt) {
}
