package org.casebridge.contracts.party;

import java.time.Instant;
import java.util.List;

/**
 * {@code casebridge.party.repeat-presentation-flagged.v1}: a person has been the victim or complainant on
 * {@code count} cases within {@code months} months, reaching the threshold of the organisation whose case tipped it.
 * No names: whoever may see the person or the cases reads them from their owners. Subject = person id.
 *
 * @param organisations the organisations owning those cases
 */
public record RepeatPresentationFlagged(String personId, int count, int threshold, int months, List<String> caseIds,
        List<String> organisations, String ruleOf, Instant flaggedAt) {
}
