package org.casebridge.contracts.audit;

import java.time.Instant;
import java.util.Map;

/**
 * {@code casebridge.audit.recorded.v1}: one read or change of personal data. Append-only.
 *
 * @param grantedBy the rule or share that allowed it (e.g. {@code owner-organisation})
 * @param purpose the justification the user gave, where the law asks for one (DPA 2018 s.62)
 * @param changes for a change: field name to {@code {"before": .., "after": ..}}
 */
public record AuditRecorded(
        String auditId,
        String userId,
        String organisation,
        String action,
        String resourceType,
        String resourceId,
        String grantedBy,
        String purpose,
        Map<String, Object> changes,
        String service,
        String requestId,
        Instant at) {
}
