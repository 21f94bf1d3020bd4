package org.casebridge.contracts.party;

import java.time.Instant;
import java.util.List;

/**
 * {@code casebridge.party.person-updated.v1}: a person's details were changed. Carries the names of the changed
 * fields, not their values: whoever may see the person reads them from party-service. Subject = person id.
 */
public record PersonUpdated(String personId, List<String> changedFields, String updatedBy, String organisation,
        Instant updatedAt) {
}
