package org.casebridge.cases.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.casebridge.contracts.cases.CaseOpened;

/**
 * A multi-agency case: what happens to a case, and which events announce it, is decided here and nowhere else.
 * Every change raises the version (the ETag) and records the events for the outbox.
 */
public final class Case {

    private final String id;
    private final CaseReference reference;
    private final CaseType type;
    private final String title;
    private final String summary;
    private final CaseStatus status;
    private final String ownerOrganisation;
    private final String leadOfficer;
    private final String team;
    private final String openedBy;
    private final Instant openedAt;
    private final long version;
    private final List<Object> newEvents = new ArrayList<>();

    private Case(String id, CaseReference reference, CaseType type, String title, String summary, CaseStatus status,
            String ownerOrganisation, String leadOfficer, String team, String openedBy, Instant openedAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.reference = Objects.requireNonNull(reference);
        this.type = Objects.requireNonNull(type);
        this.title = Objects.requireNonNull(title);
        this.summary = summary;
        this.status = Objects.requireNonNull(status);
        this.ownerOrganisation = Objects.requireNonNull(ownerOrganisation);
        this.leadOfficer = Objects.requireNonNull(leadOfficer);
        this.team = team;
        this.openedBy = Objects.requireNonNull(openedBy);
        this.openedAt = Objects.requireNonNull(openedAt);
        this.version = version;
    }

    /**
     * A practitioner opens a case for their organisation. It gets the next reference of its type and year, and
     * the lead officer is the opener unless they name a colleague.
     */
    public static Case open(String id, CaseOpening opening, CaseReferences references, Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        CaseReference reference = CaseReference.of(opening.type(), year,
                references.next(opening.type().referencePrefix(), year));
        String leadOfficer = opening.leadOfficer() == null ? opening.openedBy() : opening.leadOfficer();
        Case opened = new Case(id, reference, opening.type(), opening.title().strip(), opening.summary(), CaseStatus.OPEN,
                opening.organisation(), leadOfficer, opening.team(), opening.openedBy(), now, 1);
        opened.newEvents.add(new CaseOpened(id, reference.value(), opening.type().name(),
                opening.type().restricted(), opened.title, opened.status.name(),
                opened.ownerOrganisation, leadOfficer, opened.team, opened.openedBy, now));
        return opened;
    }

    /** Rebuilds a stored case; no events. */
    public static Case restore(String id, CaseReference reference, CaseType type, String title, String summary,
            CaseStatus status, String ownerOrganisation, String leadOfficer, String team, String openedBy, Instant openedAt,
            long version) {
        return new Case(id, reference, type, title, summary, status, ownerOrganisation, leadOfficer, team, openedBy,
                openedAt, version);
    }

    /** What a practitioner asks for when opening a case. */
    public record CaseOpening(CaseType type, String title, String summary, String organisation, String openedBy,
            String leadOfficer, String team) {
    }

    public List<Object> newEvents() {
        return List.copyOf(newEvents);
    }

    public String id() {
        return id;
    }

    public CaseReference reference() {
        return reference;
    }

    public CaseType type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public CaseStatus status() {
        return status;
    }

    public String ownerOrganisation() {
        return ownerOrganisation;
    }

    public String leadOfficer() {
        return leadOfficer;
    }

    public String team() {
        return team;
    }

    public String openedBy() {
        return openedBy;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public long version() {
        return version;
    }
}
