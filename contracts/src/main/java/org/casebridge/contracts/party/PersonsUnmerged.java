package org.casebridge.contracts.party;

import java.time.Instant;

/**
 * {@code casebridge.party.persons-unmerged.v1}: a wrong merge was undone; {@code releasedId} is a person in its own
 * right again and no longer redirects to {@code survivorId}. Subject = survivor id.
 */
public record PersonsUnmerged(String survivorId, String releasedId, String unmergedBy, String organisation,
        Instant unmergedAt) {
}
