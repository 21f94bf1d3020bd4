package org.casebridge.contracts.cases;

import java.time.Instant;

/**
 * {@code casebridge.case.risk-assessed.v1}: a victim risk assessment was recorded. Subject = case id.
 *
 * @param band STANDARD, MEDIUM or HIGH
 * @param previousBand the band before this assessment, or null for the first
 */
public record CaseRiskAssessed(String caseId, String reference, String assessmentId, int total, String band,
        String previousBand, String assessedBy, String organisation, Instant assessedAt) {
}
