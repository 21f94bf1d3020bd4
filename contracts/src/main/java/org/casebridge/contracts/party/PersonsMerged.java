package org.casebridge.contracts.party;

import java.time.Instant;

/**
 * {@code casebridge.party.persons-merged.v1}: two records of the same person were merged; {@code mergedId} now
 * redirects to {@code survivorId}, and whatever pointed at the merged record should follow. Subject = survivor id.
 */
public record PersonsMerged(String survivorId, String mergedId, String mergedBy, String organisation, Instant mergedAt) {
}
