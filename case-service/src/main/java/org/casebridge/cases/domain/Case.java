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
import org.casebridge.contracts.cases.CaseInterventionRecorded;
import org.casebridge.contracts.cases.CasePartyLinked;
import org.casebridge.contracts.cases.CasePartyUnlinked;
import org.casebridge.contracts.cases.CaseRiskAssessed;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseReopened;
import org.casebridge.contracts.cases.CaseReviewThresholdMet;
import org.casebridge.contracts.cases.CaseStatusChanged;
import org.casebridge.contracts.cases.CaseTransferDeclined;
import org.casebridge.contracts.cases.CaseTransferOffered;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.contracts.cases.CaseUpdated;
import org.casebridge.platform.aggregate.AggregateRoot;
import org.casebridge.platform.domain.DomainException;

/**
 * A multi-agency case: what happens to a case, and which events announce it, is decided here and nowhere else.
 * Lifecycle: REFERRAL → OPEN ⇄ REVIEW → CLOSED, and CLOSED → OPEN again with a reason. Every change raises the
 * version (the ETag) by one and records one event for the outbox.
 */
public final class Case extends AggregateRoot {

    private final CaseReference reference;
    private final CaseType type;
    private String title;
    private String summary;
    private CaseStatus status;
    private String ownerOrganisation;
    private String leadOfficer;
    private String team;
    private final String openedBy;
    private final Instant openedAt;
    private LocalDate nextReviewDate;
    private Closure closure;
    private final List<LogEntry> log;
    private final List<RiskAssessment> riskAssessments;
    private final CaseLinks links;
    private final CaseInterventions interventions;
    private final List<CaseReviewFlag> caseReviewFlags;
    private TransferOffer transferOffer;

    private Case(Snapshot state) {
        super(state.id(), state.version());
        this.reference = Objects.requireNonNull(state.reference());
        this.type = Objects.requireNonNull(state.type());
        this.title = Objects.requireNonNull(state.title());
        this.summary = state.summary();
        this.status = Objects.requireNonNull(state.status());
        this.ownerOrganisation = Objects.requireNonNull(state.ownerOrganisation());
        this.leadOfficer = Objects.requireNonNull(state.leadOfficer());
        this.team = state.team();
        this.openedBy = Objects.requireNonNull(state.openedBy());
        this.openedAt = Objects.requireNonNull(state.openedAt());
        this.nextReviewDate = state.nextReviewDate();
        this.closure = state.closure();
        this.log = new ArrayList<>(orEmpty(state.log()));
        this.riskAssessments = new ArrayList<>(orEmpty(state.riskAssessments()));
        this.links = new CaseLinks(orEmpty(state.links()));
        this.interventions = new CaseInterventions(orEmpty(state.interventions()));
        this.caseReviewFlags = new ArrayList<>(orEmpty(state.caseReviewFlags()));
        this.transferOffer = state.transferOffer();
    }

    /** Everything a case holds, as stored. */
    public record Snapshot(String id, CaseReference reference, CaseType type, String title, String summary,
            CaseStatus status, String ownerOrganisation, String leadOfficer, String team, String openedBy, Instant openedAt,
            LocalDate nextReviewDate, Closure closure, List<LogEntry> log, List<RiskAssessment> riskAssessments,
            List<Link> links, List<Intervention> interventions, List<CaseReviewFlag> caseReviewFlags,
            TransferOffer transferOffer, long version) {
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
        Case opened = new Case(new Snapshot(id, reference, opening.type(), opening.title().strip(), opening.summary(),
                status, opening.organisation(), leadOfficer, opening.team(), opening.openedBy(), now,
                opening.nextReviewDate(), null, List.of(), List.of(), List.of(), List.of(), List.of(), null, 1));
        opened.announce(new CaseOpened(id, reference.value(), opening.type().name(), opening.type().restricted(),
                opened.title, status.name(), opened.ownerOrganisation, leadOfficer, opened.team, opened.openedBy, now));
        return opened;
    }

    /** Rebuilds a stored case; no events. */
    public static Case restore(Snapshot state) {
        return new Case(state);
    }

    public Snapshot snapshot() {
        return new Snapshot(id(), reference, type, title, summary, status, ownerOrganisation, leadOfficer, team, openedBy,
                openedAt, nextReviewDate, closure, List.copyOf(log), List.copyOf(riskAssessments), links.all(),
                interventions.all(), List.copyOf(caseReviewFlags), transferOffer, version());
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
        changed(new CaseClosed(id(), reference.value(), previous.name(), outcome.name(), closure.summary(), actor.userId(),
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
        changed(new CaseReopened(id(), reference.value(), reason.strip(), actor.userId(), actor.organisation(), now));
    }

    /** Changes the details given; a closed case is read-only until reopened. Nothing changed, nothing recorded. */
    public void update(Actor actor, CaseDetails details, Instant now) {
        requireNotClosed("changing it");
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
            changed(new CaseUpdated(id(), reference.value(), changes, actor.userId(), actor.organisation(), now));
        }
    }

    /** Whether the log already holds this entry: an event redelivered after a crash adds nothing twice. */
    public boolean hasLogEntry(String entryId) {
        return log.stream().anyMatch(e -> e.id().equals(entryId));
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
        changed(new CaseLogEntryAdded(id(), reference.value(), entryId, kind.name(), visibility.name(), corrects,
                actor.userId(), actor.organisation(), now));
        return entry;
    }

    /**
     * Records a victim risk assessment. Every assessment is kept; the newest gives the case's current band.
     */
    public RiskAssessment assessRisk(Actor actor, String assessmentId, Map<String, Integer> answers, Instant now) {
        requireNotClosed("assessing risk");
        RiskMatrix.Result result = RiskMatrix.score(answers);
        RiskMatrix.Band previous = currentRiskBand();
        RiskAssessment assessment = new RiskAssessment(assessmentId, result.answers(), result.total(), result.band(),
                actor.userId(), actor.organisation(), now);
        riskAssessments.add(assessment);
        changed(new CaseRiskAssessed(id(), reference.value(), assessmentId, result.total(), result.band().name(),
                previous == null ? null : previous.name(), actor.userId(), actor.organisation(), now));
        return assessment;
    }

    /** The band of the newest assessment, or null before the first. */
    public RiskMatrix.Band currentRiskBand() {
        return riskAssessments.isEmpty() ? null : riskAssessments.get(riskAssessments.size() - 1).band();
    }

    /**
     * Links a person, a location or another case with a role. The same person (or place) twice in one role is refused;
     * the same person in two roles (say witness and victim) is allowed.
     */
    public Link link(Actor actor, Link.Target target, String targetId, String role, Instant now) {
        requireNotClosed("linking");
        Link link = links.add(id(), reference, actor, target, targetId, role, now);
        changed(new CasePartyLinked(id(), reference.value(), type.name(), target.name(), targetId, link.role(), actor.userId(),
                actor.organisation(), now));
        return link;
    }

    public void unlink(Actor actor, Link.Target target, String targetId, String role, Instant now) {
        requireNotClosed("unlinking");
        links.remove(reference, target, targetId, role);
        changed(new CasePartyUnlinked(id(), reference.value(), target.name(), targetId, role, actor.userId(),
                actor.organisation(), now));
    }

    /**
     * Links a person as victim or complainant and, when this complaint meets the ASB Case Review threshold for them,
     * flags the case so the review is offered.
     *
     * @param earlierComplaints complaints by the same person on other cases within the rule's window
     */
    public Link linkComplainant(Actor actor, String personId, String role, long earlierComplaints, AsbCaseReview rule,
            Instant now) {
        Link link = link(actor, Link.Target.PERSON, personId, role, now);
        long complaints = earlierComplaints + 1;
        boolean alreadyFlagged = caseReviewFlags.stream().anyMatch(f -> f.personId().equals(personId));
        if (AsbCaseReview.countsAsComplaint(link) && rule.isMet(complaints) && !alreadyFlagged) {
            caseReviewFlags.add(new CaseReviewFlag(personId, complaints, rule.threshold(), rule.windowMonths(), now));
            changed(new CaseReviewThresholdMet(id(), reference.value(), ownerOrganisation, leadOfficer, personId, complaints,
                    rule.threshold(), rule.windowMonths(), now));
        }
        return link;
    }

    /** Victims linked here who have met the ASB Case Review threshold. */
    public List<CaseReviewFlag> caseReviewFlags() {
        return List.copyOf(caseReviewFlags);
    }

    /**
     * The owner offers the lead to another organisation. Ownership moves only when that organisation accepts, so a
     * case is never left without an owner who knows it is theirs.
     */
    public void offerTransfer(Actor actor, String toOrganisation, String reason, Instant now) {
        requireNotClosed("transferring it");
        if (toOrganisation.equals(ownerOrganisation)) {
            throw DomainException.invalid("Case " + reference + " is already owned by " + toOrganisation + ".");
        }
        if (transferOffer != null) {
            throw DomainException.conflict("Case " + reference + " is already offered to " + transferOffer.toOrganisation()
                    + "; withdraw that offer first.");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("Say why the lead should move.");
        }
        transferOffer = new TransferOffer(toOrganisation, reason.strip(), actor.userId(), now);
        changed(new CaseTransferOffered(id(), reference.value(), type.name(), ownerOrganisation, toOrganisation,
                transferOffer.reason(), actor.userId(), now));
    }

    /** The offered organisation takes the lead: it owns the case and the accepting officer leads it. */
    public void acceptTransfer(Actor actor, Instant now) {
        TransferOffer offer = offerTo(actor);
        String from = ownerOrganisation;
        ownerOrganisation = offer.toOrganisation();
        leadOfficer = actor.userId();
        team = null;
        transferOffer = null;
        changed(new CaseTransferred(id(), reference.value(), type.name(), type.restricted(), from, ownerOrganisation,
                leadOfficer, actor.userId(), now));
    }

    /** The offered organisation declines, or the owner withdraws the offer. */
    public void declineTransfer(Actor actor, String reason, Instant now) {
        if (transferOffer == null) {
            throw DomainException.conflict("Case " + reference + " has no transfer offer.");
        }
        if (!actor.organisation().equals(ownerOrganisation)) {
            offerTo(actor);
        }
        TransferOffer offer = transferOffer;
        transferOffer = null;
        changed(new CaseTransferDeclined(id(), reference.value(), ownerOrganisation, offer.toOrganisation(), reason,
                actor.userId(), actor.organisation(), now));
    }

    private TransferOffer offerTo(Actor actor) {
        if (transferOffer == null || !transferOffer.toOrganisation().equals(actor.organisation())) {
            throw DomainException.notFound("Transfer offer of case " + reference + " to " + actor.organisation());
        }
        return transferOffer;
    }

    /**
     * Two records of one person were merged: links to the merged record now point at the survivor; a role the survivor
     * already had is not duplicated.
     *
     * @return whether anything changed
     */
    public boolean followMerge(String survivorId, String mergedId, Actor by, Instant now) {
        if (!links.followMerge(survivorId, mergedId)) {
            return false;
        }
        changed(new CaseUpdated(id(), reference.value(), Map.of("person", change(mergedId, survivorId)), by.userId(),
                by.organisation(), now));
        return true;
    }

    public TransferOffer transferOffer() {
        return transferOffer;
    }

    /** Records an intervention or enforcement action; its end date cannot come before its start. */
    public Intervention recordIntervention(Actor actor, String interventionId, Intervention.Type interventionType,
            Intervention.Status status, LocalDate startDate, LocalDate endDate, String notes, Instant now) {
        requireNotClosed("recording an intervention");
        Intervention intervention = interventions.record(actor, interventionId, interventionType, status, startDate,
                endDate, notes, now);
        announce(intervention, now);
        return intervention;
    }

    /** Moves an intervention on (e.g. an injunction from IN_FORCE to BREACHED). */
    public Intervention updateIntervention(Actor actor, String interventionId, Intervention.Status status, LocalDate endDate,
            String notes, Instant now) {
        Intervention updated = interventions.update(reference, actor, interventionId, status, endDate, notes, now);
        announce(updated, now);
        return updated;
    }

    private void announce(Intervention intervention, Instant now) {
        changed(new CaseInterventionRecorded(id(), reference.value(), intervention.id(), intervention.type().name(),
                intervention.status().name(), intervention.startDate(), intervention.endDate(), intervention.recordedBy(),
                intervention.organisation(), now));
    }

    private void requireNotClosed(String what) {
        if (status == CaseStatus.CLOSED) {
            throw DomainException.conflict("Case " + reference + " is closed; reopen it before " + what + ".");
        }
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
        changed(new CaseStatusChanged(id(), reference.value(), from.name(), to.name(), actor.userId(), actor.organisation(), now));
    }

    private static Map<String, Object> change(Object before, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", before);
        change.put("after", after);
        return change;
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

    public List<RiskAssessment> riskAssessments() {
        return List.copyOf(riskAssessments);
    }

    public List<Link> links() {
        return links.all();
    }

    public List<Intervention> interventions() {
        return interventions.all();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
