package org.casebridge.contracts.cases;

import java.time.Instant;

/**
 * {@code casebridge.case.closed.v1}: a case was closed with an outcome and a summary. Subject = case id.
 *
 * @param outcome RESOLVED, ESCALATED_TO_ENFORCEMENT, MOVED_AWAY, NO_FURTHER_ACTION, TRANSFERRED or OTHER
 */
public record CaseClosed(String caseId, String reference, String previousStatus, String outcome, String summary,
        String closedBy, String organisation, Instant closedAt) {
}
