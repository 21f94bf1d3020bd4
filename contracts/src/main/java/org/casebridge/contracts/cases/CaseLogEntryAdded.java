package org.casebridge.contracts.cases;

import java.time.Instant;

/**
 * {@code casebridge.case.log-entry-added.v1}: an entry was appended to a case's log. The entry's text stays in
 * case-service (read it through the API, where access is checked). Subject = case id.
 *
 * @param corrects the id of the entry this one corrects, or null
 * @param visibility PARTNERSHIP (everyone who may see the case) or ORGANISATION (the author's organisation only)
 */
public record CaseLogEntryAdded(String caseId, String reference, String entryId, String kind, String visibility,
        String corrects, String author, String organisation, Instant recordedAt) {
}
