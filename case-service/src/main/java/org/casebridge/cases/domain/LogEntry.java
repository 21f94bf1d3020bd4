package org.casebridge.cases.domain;

import java.time.Instant;

/**
 * One entry of a case's timeline. Entries are never edited: a correction is a new entry naming the one it corrects.
 *
 * @param corrects id of the corrected entry, or null
 */
public record LogEntry(String id, Kind kind, String text, Visibility visibility, String corrects, String author,
        String organisation, Instant recordedAt) {

    public enum Kind { NOTE, CONTACT, VISIT, MEETING_DECISION, WARNING_ISSUED, INTERVENTION, PARTNER_UPDATE }

    /** PARTNERSHIP: everyone who may see the case. ORGANISATION: the author's organisation only. */
    public enum Visibility { PARTNERSHIP, ORGANISATION }

    public boolean isVisibleTo(String organisation) {
        return visibility == Visibility.PARTNERSHIP || this.organisation.equals(organisation);
    }
}
