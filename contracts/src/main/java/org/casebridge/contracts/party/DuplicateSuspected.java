package org.casebridge.contracts.party;

import java.time.Instant;
import java.util.List;

/**
 * {@code casebridge.party.duplicate-suspected.v1}: two person records are probably the same person; the organisations
 * holding them should review the pair. No names. Subject = the pair's id.
 */
public record DuplicateSuspected(String pairId, List<String> organisations, int score, Instant suspectedAt) {
}
