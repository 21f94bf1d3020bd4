package org.casebridge.contracts.cases;

import java.time.Instant;
import java.util.Map;

/**
 * {@code casebridge.case.updated.v1}: a case's details changed. Subject = case id.
 *
 * @param changes field name to {@code {"before": .., "after": ..}}, only for fields that changed
 */
public record CaseUpdated(String caseId, String reference, Map<String, Map<String, Object>> changes, String updatedBy,
        String organisation, Instant updatedAt) {
}
