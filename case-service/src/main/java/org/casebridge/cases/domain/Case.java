package org.casebridge.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseReopened;
import org.casebridge.contracts.cases.CaseStatusChanged;
import org.casebridge.contracts.cases.CaseUpdated;
import org.casebridge.platform.domain.DomainException;

/**
 * A multi-agency case: what happens to a case, and which events announce it, is decided here and nowhere else.
 * Lifecycle: REFERRAL → OPEN ⇄ REVIEW → CLOSED, and CLOSED → OPEN again with a reason. Every change raises the
 * version (the ETag) by one and records one event for the outbox.
 */
public final class Case {

    private final String id;
    private final CaseReference reference;
    private final CaseType type;
    private String title;
    private String summary;
    private CaseStatus status;
    private final String ownerOrganisation;
    private String leadOfficer;
    private String team;
    private final String openedBy;
    private final Instant openedAt;
    private LocalDate nextReviewDate;
    private Closure closure;
    private final List<LogEntry> log;
    private long version;
    private final List<Object> newEvents = new ArrayList<>();

    private Case(String id, CaseReference reference, CaseType type, String title, String summary, CaseStatus status,
            String ownerOrganisation, String leadOfficer, String team, String openedBy, Instant openedAt,
            LocalDate nextReviewDate, Closure closure, List<LogEntry> log, long version) {
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
        this.nextReviewDate = nextReviewDate;
        this.closure = closure;
        this.log = new ArrayList<>(log);
        this.version = version;
    }

    /**
     * A practitioner opens a case for their organisation, as a referral still to be accepted or straight away as
     * open. It gets the next reference of its type and year; the lead officer is the opener unless they name a colleague.
     */
    public static Case open(String id, CaseOpening opening, CaseReferences references, Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        CaseReference reference = CaseReference.of(opening.type(), year,
                references.next(opening.type().referencePrefix(), year));
        String leadOfficer = opening.leadOfficer() == null ? opening.openedBy() : opening.leadOfficer();
        CaseStatus status = opening.referral() ? CaseStatus.REFERRAL : CaseStatus.OPEN;
        Case opened = new Case(id, reference, opening.type(), opening.title().strip(), opening.summary(), status,
                opening.organisation(), leadOfficer, opening.team(), opening.openedBy(), now, opening.nextReviewDate(),
                null, List.of(), 1);
        opened.newEvents.add(new CaseOpened(id, reference.value(), opening.type().name(), opening.type().restricted(),
                opened.title, status.name(), opened.ownerOrganisation, leadOfficer, opened.team, opened.openedBy, now));
        return opened;
    }

    /** Rebuilds a stored case; no events. */
    public static Case restore(String id, CaseReference reference, CaseType type, String title, String summary,
            CaseStatus status, String ownerOrganisation, String leadOfficer, String team, String openedBy, Instant openedAt,
            LocalDate nextReviewDate, Closure closure, List<LogEntry> log, long version) {
        return new Case(id, reference, type, title, summary, status, ownerOrganisation, leadOfficer, team, openedBy,
                openedAt, nextReviewDate, closure, log == null ? List.of() : log, version);
    }

    /** What a practitioner asks for when opening a case. */
    public record CaseOpening(CaseType type, String title, String summary, String organisation, String openedBy,
            String leadOfficer, String team, boolean referral, LocalDate nextReviewDate) {
    }

    /** The owning organisation accepts a referral: the case is open. */
    public void accept(Actor actor, Instant now) {
        move(CaseStatus.REFERRAL, CaseStatus.OPEN, "Only a referral can be accepted", actor, now);
    }

    /** The case goes under review (e.g. for a JAG or a supervisor's risk review). */
    public void startReview(Actor actor, Instant now) {
        move(CaseStatus.OPEN, CaseStatus.REVIEW, "Only an open case can go under review", actor, now);
    }

    /** The review is over and work carries on. */
    public void endReview(Actor actor, Instant now) {
        move(CaseStatus.REVIEW, CaseStatus.OPEN, "Only a case under review can come out of review", actor, now);
    }

    /** Closing needs an outcome and a summary of what was done; a closed case cannot be closed again. */
    public void close(Actor actor, CaseOutcome outcome, String closingSummary, Instant now) {
        if (status == CaseStatus.CLOSED) {
            throw DomainException.conflict("Case " + reference + " is already closed; reopen it first.");
        }
        if (outcome == null || closingSummary == null || closingSummary.isBlank()) {
            throw DomainException.invalid("Closing a case needs an outcome and a summary of what was done.");
        }
        CaseStatus previous = status;
        status = CaseStatus.CLOSED;
        closure = new Closure(outcome, closingSummary.strip(), actor.userId(), now);
        nextReviewDate = null;
        changed(new CaseClosed(id, reference.value(), previous.name(), outcome.name(), closure.summary(), actor.userId(),
                actor.organisation(), now));
    }

    /** A closed case comes back, for a reason that goes on record. */
    public void reopen(Actor actor, String reason, Instant now) {
        if (status != CaseStatus.CLOSED) {
            throw DomainException.conflict("Case " + reference + " is " + status + "; only a closed case can be reopened.");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("Reopening a case needs a reason.");
        }
        status = CaseStatus.OPEN;
        changed(new CaseReopened(id, reference.value(), reason.strip(), actor.userId(), actor.organisation(), now));
    }

    /** Changes the details given; a closed case is read-only until reopened. Nothing changed, nothing recorded. */
    public void update(Actor actor, CaseDetails details, Instant now) {
        if (status == CaseStatus.CLOSED) {
            throw DomainException.conflict("Case " + reference + " is closed; reopen it before changing it.");
        }
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        if (details.title() != null && !details.title().strip().equals(title)) {
            changes.put("title", change(title, details.title().strip()));
            title = details.title().strip();
        }
        if (details.summary() != null && !details.summary().equals(summary)) {
            changes.put("summary", change(summary, details.summary()));
            summary = details.summary();
        }
        if (details.leadOfficer() != null && !details.leadOfficer().equals(leadOfficer)) {
            changes.put("leadOfficer", change(leadOfficer, details.leadOfficer()));
            leadOfficer = details.leadOfficer();
        }
        if (details.team() != null && !details.team().equals(team)) {
            changes.put("team", change(team, details.team()));
            team = details.team();
        }
        if (details.nextReviewDate() != null && !details.nextReviewDate().equals(nextReviewDate)) {
            changes.put("nextReviewDate", change(nextReviewDate == null ? null : nextReviewDate.toString(),
                    details.nextReviewDate().toString()));
            nextReviewDate = details.nextReviewDate();
        }
        if (!changes.isEmpty()) {
            changed(new CaseUpdated(id, reference.value(), changes, actor.userId(), actor.organisation(), now));
        }
    }

    /**
     * Appends to the case's timeline. A correction must name an entry of this case; the corrected entry stays as it was.
     */
    public LogEntry addLogEntry(Actor actor, String entryId, LogEntry.Kind kind, String text, LogEntry.Visibility visibility,
            String corrects, Instant now) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("A log entry needs some text.");
        }
        if (corrects != null && log.stream().noneMatch(e -> e.id().equals(corrects))) {
            throw DomainException.invalid("Entry " + corrects + " is not in the log of case " + reference + ".");
        }
        LogEntry entry = new LogEntry(entryId, kind, text.strip(), visibility, corrects, actor.userId(),
                actor.organisation(), now);
        log.add(entry);
        changed(new CaseLogEntryAdded(id, reference.value(), entryId, kind.name(), visibility.name(), corrects,
                actor.userId(), actor.organisation(), now));
        return entry;
    }

    /** The entries of the log that a member of {@code organisation} may read, oldest first. */
    public List<LogEntry> logVisibleTo(String organisation) {
        return log.stream().filter(e -> e.isVisibleTo(organisation)).toList();
    }

    private void move(CaseStatus from, CaseStatus to, String rule, Actor actor, Instant now) {
        if (status != from) {
            throw DomainException.conflict(rule + "; case " + reference + " is " + status + ".");
        }
        status = to;
        changed(new CaseStatusChanged(id, reference.value(), from.name(), to.name(), actor.userId(), actor.organisation(), now));
    }

    private void changed(Object event) {
        version++;
        newEvents.add(event);
    }

    private static Map<String, Object> change(Object before, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", before);
        change.put("after", after);
        return change;
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

    public LocalDate nextReviewDate() {
        return nextReviewDate;
    }

    public Closure closure() {
        return closure;
    }

    public List<LogEntry> log() {
        return List.copyOf(log);
    }

    public long version() {
        return version;
    }
}
