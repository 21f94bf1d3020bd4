package org.casebridge.cases.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.bson.types.ObjectId;
import org.casebridge.cases.domain.Actor;
import org.casebridge.cases.domain.AsbCaseReview;
import org.casebridge.cases.domain.Case;
import org.casebridge.cases.domain.CaseDetails;
import org.casebridge.cases.domain.CaseOutcome;
import org.casebridge.cases.domain.CaseReferences;
import org.casebridge.cases.domain.CaseType;
import org.casebridge.cases.domain.Intervention;
import org.casebridge.cases.domain.Link;
import org.casebridge.cases.domain.LogEntry;
import org.casebridge.cases.domain.RiskAssessment;
import org.casebridge.cases.parties.PartyDirectory;
import org.casebridge.cases.store.MongoCases;
import org.casebridge.cases.store.MongoCases.VisibleCase;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.cases.CaseUpdated;
import org.casebridge.contracts.party.PersonsMerged;
import org.casebridge.platform.aggregate.CreatedOnce;
import org.casebridge.platform.aggregate.Expectation;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.springframework.stereotype.Service;

/**
 * Everything that changes a case, whoever asks: a practitioner through the API, a partner's system or another
 * service's event. Each use case loads the case the caller may act on (404 when they may not know it, 403 when their
 * level does not allow it), checks what the caller expected of it ({@code If-Match}), applies the domain's rule and
 * stores the change with its audit record in one write.
 */
@Service
public class CaseCommands {

    private final CaseGuard guard;
    private final MongoCases cases;
    private final CaseReferences references;
    private final AsbCaseReview caseReview;
    private final PartyDirectory parties;
    private final AuditTrail audit;
    private final Clock clock;

    CaseCommands(CaseGuard guard, MongoCases cases, CaseReferences references, AsbCaseReview caseReview,
            PartyDirectory parties, AuditTrail audit, Clock clock) {
        this.guard = guard;
        this.cases = cases;
        this.references = references;
        this.caseReview = caseReview;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a change returned, and the case after it (its version is the new ETag). */
    public record Applied<T>(T result, Case after) {
    }

    // --- opening ---------------------------------------------------------------------------------------------------

    public record Opening(CaseType type, String title, String summary, String leadOfficer, String team, boolean referral,
            LocalDate nextReviewDate) {
    }

    /** The id a new case will get (ids sort by creation time). */
    public String newId() {
        return cases.newId();
    }

    /** Opens a case owned by the caller's organisation, in one of their teams; audited in the same write. */
    public Case open(String id, CurrentUser user, Opening opening) {
        requireMayOpen(user, opening);
        Case opened = Case.open(id, new Case.CaseOpening(opening.type(), opening.title(), opening.summary(),
                user.organisation(), user.id(), opening.leadOfficer(), opening.team(), opening.referral(),
                opening.nextReviewDate()), references, clock.instant());
        // the audit record rides in the case's own outbox: one write, so no case is stored unaudited
        cases.insert(opened, audit.entry(user, "CREATE", "case", opened.id(), "owner-organisation", null,
                Map.of("reference", Map.of("after", opened.reference().value()))));
        return opened;
    }

    /** Checked before an Idempotency-Key is reserved, and again on opening. */
    public void requireMayOpen(CurrentUser user, Opening opening) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation, so it cannot own a case.");
        }
        if (opening.team() != null && !user.teams().contains(opening.team())) {
            throw DomainException.invalid("You can only put a case in one of your own teams: " + user.teams());
        }
    }

    /**
     * A partner's referral becomes a case in REFERRAL, owned by the referring organisation, for it to accept; the same
     * referral sent again ({@code key}) finds the case it made.
     */
    public Case openReferral(String key, Case.CaseOpening opening) {
        return CreatedOnce.byKey(() -> cases.findByIdempotencyKey(key).map(VisibleCase::value), () -> {
            Case c = Case.open(cases.newId(), opening, references, clock.instant());
            cases.insert(c, key);
            return c;
        });
    }

    // --- lifecycle: every change needs the version the caller read -------------------------------------------------

    public Case update(String id, CurrentUser user, Expectation expected, CaseDetails details) {
        return change(id, user, AccessLevel.CONTRIBUTE, expected, "UPDATE", c -> {
            if (details.team() != null && !user.teams().contains(details.team()) && !details.team().equals(c.team())) {
                throw DomainException.invalid("You can only put a case in one of your own teams: " + user.teams());
            }
            c.update(actor(user), details, clock.instant());
        });
    }

    /** A referral accepted: the case becomes open. */
    public Case accept(String id, CurrentUser user, Expectation expected) {
        return change(id, user, AccessLevel.MANAGE, expected, "ACCEPT", c -> c.accept(actor(user), clock.instant()));
    }

    public Case startReview(String id, CurrentUser user, Expectation expected) {
        return change(id, user, AccessLevel.CONTRIBUTE, expected, "START_REVIEW",
                c -> c.startReview(actor(user), clock.instant()));
    }

    public Case endReview(String id, CurrentUser user, Expectation expected) {
        return change(id, user, AccessLevel.CONTRIBUTE, expected, "END_REVIEW",
                c -> c.endReview(actor(user), clock.instant()));
    }

    /**
     * Closing a case: only those who manage it, with an outcome and a summary ({@link Case#close} says when a case may
     * close); the closure is audited in the same write and {@code casebridge.case.closed.v1} goes out from its outbox,
     * on which tasking flags the case's open tasks.
     */
    public Case close(String id, CurrentUser user, Expectation expected, CaseOutcome outcome, String summary) {
        return change(id, user, AccessLevel.MANAGE, expected, "CLOSE",
                c -> c.close(actor(user), outcome, summary, clock.instant()));
    }

    public Case reopen(String id, CurrentUser user, Expectation expected, String reason) {
        return change(id, user, AccessLevel.MANAGE, expected, "REOPEN", c -> c.reopen(actor(user), reason, clock.instant()));
    }

    private Case change(String id, CurrentUser user, AccessLevel needed, Expectation expected, String action,
            Consumer<Case> command) {
        Case c = guard.loadForChange(id, user, needed, expected);
        long loaded = c.version();
        command.accept(c);
        if (c.version() != loaded) {
            @SuppressWarnings("unchecked")
            Map<String, Object> changes = c.newEvents().stream().filter(CaseUpdated.class::isInstance)
                    .map(e -> (Map<String, Object>) (Map<String, ?>) ((CaseUpdated) e).changes()).findFirst()
                    .orElse(Map.of("status", Map.of("after", c.status().name())));
            guard.save(c, loaded, audit.entry(user, action, "case", id, null, null, changes));
        }
        return c;
    }

    // --- additions: without an expected version a concurrent change is retried -----------------------------------

    /** An entry on the case log (a correction names the entry it corrects). */
    public Applied<LogEntry> addLogEntry(String id, CurrentUser user, LogEntry.Kind kind, String text,
            LogEntry.Visibility visibility, String corrects) {
        String entryId = new ObjectId().toHexString();
        return guard.add(id, user, AccessLevel.CONTRIBUTE, Expectation.anyVersion(), c -> c.addLogEntry(actor(user),
                entryId, kind, text, visibility == null ? LogEntry.Visibility.PARTNERSHIP : visibility, corrects,
                clock.instant()), entry -> audit.entry(user, "ADD_LOG_ENTRY", "case", id, null, null, null));
    }

    /**
     * Links a person, a location or another case. You can only link what you can see: a case here, a person or location
     * in party-service; one you cannot see is answered as if it did not exist (the case first, so a case you may only
     * view is a 403 whatever the target). A victim or complainant counts towards the ASB Case Review.
     */
    public Applied<Link> link(String id, CurrentUser user, Expectation expected, Link.Target target, String targetId,
            String role) {
        guard.load(id, user, AccessLevel.CONTRIBUTE);
        if (target == Link.Target.CASE) {
            guard.load(targetId, user, AccessLevel.VIEW);
        } else if (!parties.visibleToCaller(target, targetId)) {
            throw DomainException.notFound((target == Link.Target.PERSON ? "Person " : "Location ") + targetId);
        }
        Instant now = clock.instant();
        boolean complaint = target == Link.Target.PERSON && ("VICTIM".equals(role) || "COMPLAINANT".equals(role));
        long earlierComplaints = complaint ? cases.countComplaints(targetId, caseReview.windowStart(now), id) : 0;
        return guard.add(id, user, AccessLevel.CONTRIBUTE, expected, c -> complaint
                ? c.linkComplainant(actor(user), targetId, role, earlierComplaints, caseReview, now)
                : c.link(actor(user), target, targetId, role, now),
                link -> audit.entry(user, "LINK", "case", id, null, null,
                        Map.of(target.name().toLowerCase(), Map.of("after", targetId + " as " + link.role()))));
    }

    public Applied<Void> unlink(String id, CurrentUser user, Expectation expected, Link.Target target, String targetId,
            String role) {
        return guard.add(id, user, AccessLevel.CONTRIBUTE, expected, c -> {
            c.unlink(actor(user), target, targetId, role, clock.instant());
            return null;
        }, none -> audit.entry(user, "UNLINK", "case", id, null, null,
                Map.of(target.name().toLowerCase(), Map.of("before", targetId + " as " + role))));
    }

    /** A victim risk assessment; the newest gives the case's band. */
    public Applied<RiskAssessment> assessRisk(String id, CurrentUser user, Expectation expected,
            Map<String, Integer> answers) {
        String assessmentId = new ObjectId().toHexString();
        return guard.add(id, user, AccessLevel.CONTRIBUTE, expected,
                c -> c.assessRisk(actor(user), assessmentId, answers, clock.instant()),
                assessment -> audit.entry(user, "ASSESS_RISK", "case", id, null, null,
                        Map.of("riskBand", Map.of("after", assessment.band().name()))));
    }

    public Applied<Intervention> recordIntervention(String id, CurrentUser user, Expectation expected,
            Intervention.Type type, Intervention.Status status, LocalDate startDate, LocalDate endDate, String notes) {
        String interventionId = new ObjectId().toHexString();
        return guard.add(id, user, AccessLevel.CONTRIBUTE, expected, c -> c.recordIntervention(actor(user),
                interventionId, type, status, startDate, endDate, notes, clock.instant()),
                recorded -> audit.entry(user, "RECORD_INTERVENTION", "case", id, null, null,
                        Map.of("intervention", Map.of("after", type + " " + status))));
    }

    /** Moves an intervention on; it overwrites, so it needs the version the caller read. */
    public Applied<Intervention> updateIntervention(String id, CurrentUser user, Expectation expected,
            String interventionId, Intervention.Status status, LocalDate endDate, String notes) {
        return guard.add(id, user, AccessLevel.CONTRIBUTE, expected, c -> c.updateIntervention(actor(user),
                interventionId, status, endDate, notes, clock.instant()),
                updated -> audit.entry(user, "UPDATE_INTERVENTION", "case", id, null, null,
                        Map.of("intervention", Map.of("after", updated.type() + " " + updated.status()))));
    }

    // --- lead agency and transfer ----------------------------------------------------------------------------------

    /** The owner offers the lead to another organisation. */
    public Case offerTransfer(String id, CurrentUser user, Expectation expected, String toOrganisation, String reason) {
        Case c = guard.loadForChange(id, user, AccessLevel.MANAGE, expected);
        long loaded = c.version();
        c.offerTransfer(actor(user), toOrganisation, reason, clock.instant());
        guard.save(c, loaded, audit.entry(user, "OFFER_TRANSFER", "case", id, null, null,
                Map.of("transferOfferedTo", Map.of("after", toOrganisation))));
        return c;
    }

    /**
     * The organisation offered the lead accepts it (it may not see the case yet): it owns the case and manages it
     * straight away; sharing-service then re-confirms everyone else's access.
     */
    public Case acceptTransfer(String id, CurrentUser user, Expectation expected) {
        VisibleCase offered = cases.findOfferedTo(id, user.organisation())
                .orElseThrow(() -> DomainException.notFound("Transfer offer of case " + id));
        Case c = offered.value();
        long loaded = c.version();
        expected.check(loaded);
        String previousOwner = c.ownerOrganisation();
        c.acceptTransfer(actor(user), clock.instant());
        if (!cases.updateOwnership(c, loaded, previousOwner, offered.access(), audit.entry(user, "ACCEPT_TRANSFER",
                "case", id, "transfer-offer", null,
                Map.of("ownerOrganisation", Map.of("before", previousOwner, "after", c.ownerOrganisation()))))) {
            throw ETags.stale();
        }
        return c;
    }

    /** The organisation offered the lead declines it, or the owner withdraws the offer. */
    public Case declineTransfer(String id, CurrentUser user, String reason) {
        Case c = cases.findOfferedTo(id, user.organisation()).map(VisibleCase::value)
                .orElseGet(() -> guard.load(id, user, AccessLevel.MANAGE).value());
        long loaded = c.version();
        c.declineTransfer(actor(user), reason, clock.instant());
        guard.save(c, loaded, audit.entry(user, "DECLINE_TRANSFER", "case", id, null, null, null));
        return c;
    }

    // --- what other services and partners' systems tell us ---------------------------------------------------------

    /**
     * A partner's update (a task's progress, an incident) goes on the case log once: the entry id is made from the
     * message's, so a redelivery finds its entry already there.
     *
     * @return false when the case is unknown or already has the entry
     */
    public boolean logPartnerUpdate(String caseId, String entryId, Actor by, String text) {
        return cases.change(caseId, c -> !c.hasLogEntry(entryId) && c.addLogEntry(by, entryId,
                LogEntry.Kind.PARTNER_UPDATE, text, LogEntry.Visibility.PARTNERSHIP, null, clock.instant()) != null);
    }

    /** The case a partner's system names, by reference or by the idempotency key of its referral, if it may contribute. */
    public Optional<Case> partnerMayContributeTo(String organisation, String caseReference, String referralKey) {
        Optional<VisibleCase> found = caseReference != null ? cases.findByReference(caseReference)
                : cases.findByIdempotencyKey(referralKey);
        return found.filter(c -> c.access().allows(List.of("org:" + organisation), AccessLevel.CONTRIBUTE))
                .map(VisibleCase::value);
    }

    /** Two person records merged: every case linked to the merged one follows the survivor. */
    public void followMerge(PersonsMerged merged) {
        cases.linkedTo(merged.mergedId()).forEach(caseId -> cases.change(caseId, c -> c.followMerge(merged.survivorId(),
                merged.mergedId(), new Actor(merged.mergedBy(), merged.organisation()), clock.instant())));
    }

    /** sharing-service's latest decision becomes the case's local access list. */
    public void applyAccessDecision(CaseAccessChanged decision) {
        cases.applyAccess(decision, clock.instant());
    }

    private static Actor actor(CurrentUser user) {
        return new Actor(user.id(), user.organisation());
    }
}
