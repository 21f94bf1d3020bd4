package org.casebridge.cases.domain;

import java.time.Instant;

/** The ASB Case Review threshold was met for a victim linked to this case. */
public record CaseReviewFlag(String personId, long complaints, int threshold, int windowMonths, Instant metAt) {
}
