package org.casebridge.contracts.cases;

import java.time.Instant;

/**
 * {@code casebridge.case.status-changed.v1}: a case moved along its lifecycle without closing or reopening
 * (REFERRAL → OPEN, OPEN → REVIEW, REVIEW → OPEN). Subject = case id.
 */
public record CaseStatusChanged(String caseId, String reference, String from, String to, String changedBy,
        String organisation, Instant changedAt) {
}
