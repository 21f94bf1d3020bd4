package org.casebridge.sharing.requests.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.sharing.AccessRequestDecided;
import org.casebridge.contracts.sharing.AccessRequested;
import org.casebridge.platform.aggregate.AggregateRoot;
import org.casebridge.platform.domain.DomainException;

/**
 * A practitioner who learns a person is known to another agency, or finds a case they cannot open, asks for access
 * with a reason; the owner's managers approve (a share to that practitioner, which always expires) or decline, and the
 * requester hears which. Everything about the request's life is here; the share itself follows the sharing rules.
 *
 * <p>A request names its subject in one of three ways: a case by id (a link the requester followed), a case by the
 * reference they were given (resolved here, never echoed back as an id until approved), or a person record they can
 * see and that another organisation knows through its cases ("known elsewhere"). A person request goes to that
 * organisation's managers; approving it tells the requester whom to contact there, since which cases of theirs the
 * person is in is the owner's to judge (and to share from each case, as any share).
 */
public final class AccessRequest extends AggregateRoot {

    public enum Status { PENDING, APPROVED, DECLINED }

    /** What a request is about. */
    public enum Subject { CASE, PERSON }

    /** Approved access lasts this long unless the approver says otherwise, and never longer than a year. */
    public static final Duration STANDARD_TERM = Duration.ofDays(90);
    private static final Duration LONGEST_TERM = Duration.ofDays(366);

    private String caseId;
    private String caseType;
    private String ownerOrganisation;
    private final String requestedBy;
    private final String requesterOrganisation;
    private final String reason;
    private final Instant requestedAt;
    private final String reference;
    private final String personId;
    private String contact;
    private String message;
    private Status status;
    private String decidedBy;
    private String decisionReason;
    private Instant decidedAt;
    private String shareId;
    private AccessLevel level;
    private Instant expiresAt;

    private AccessRequest(String id, String caseId, String reference, String personId, String caseType,
            String ownerOrganisation, String requestedBy, String requesterOrganisation, String reason, Instant requestedAt,
            long version) {
        super(id, version);
        if (caseId == null && reference == null && personId == null) {
            throw new IllegalArgumentException("a request is about a case or a person");
        }
        this.caseId = caseId; // null: a reference no case here has, or a person
        this.reference = reference;
        this.personId = personId;
        this.caseType = caseType;
        this.ownerOrganisation = ownerOrganisation; // null: no case of that id is known here
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.requesterOrganisation = Objects.requireNonNull(requesterOrganisation);
        this.reason = reason;
        this.requestedAt = requestedAt;
        this.status = Status.PENDING;
    }

    /**
     * A request naming an id no case here has: kept and answered exactly like a real one (so asking tells the requester
     * nothing), but nobody is paged and it stays PENDING.
     */
    public static AccessRequest askAboutNoKnownCase(String id, String caseId, String requestedBy,
            String requesterOrganisation, String reason, Instant now) {
        requireReason(reason);
        return new AccessRequest(id, caseId, null, null, null, null, requestedBy, requesterOrganisation, reason.strip(),
                now, 1);
    }

    /** Like {@link #askAboutNoKnownCase}, for a reference that names no case here. */
    public static AccessRequest askAboutNoKnownReference(String id, String reference, String requestedBy,
            String requesterOrganisation, String reason, Instant now) {
        requireReason(reason);
        return new AccessRequest(id, null, reference, null, null, null, requestedBy, requesterOrganisation, reason.strip(),
                now, 1);
    }

    /**
     * About a person record the requester sees and {@code organisation} knows through its cases; its managers answer.
     * Nobody is paged by an event (the partnership's notifications are about cases); they find it in their list.
     */
    public static AccessRequest askAboutPerson(String id, String personId, String organisation, String requestedBy,
            String requesterOrganisation, String reason, Instant now) {
        requireReason(reason);
        if (organisation.equals(requesterOrganisation)) {
            throw DomainException.invalid("Ask another organisation; your own organisation's cases are yours to see.");
        }
        return new AccessRequest(id, null, null, Objects.requireNonNull(personId), null, organisation, requestedBy,
                requesterOrganisation, reason.strip(), now, 1);
    }

    /**
     * A reference asked about before sharing-service learnt it (the case was opened a moment before, or since) is
     * matched to its case when it does: the request becomes the one a known reference would have made, and pages the
     * owner's supervisors. False (nothing changes) when it is not such a request or the requester's own organisation
     * owns the case (they see it anyway).
     */
    public boolean matchReference(String caseId, String caseType, String ownerOrganisation, Instant now) {
        if (status != Status.PENDING || this.caseId != null || reference == null
                || ownerOrganisation.equals(requesterOrganisation)) {
            return false;
        }
        this.caseId = Objects.requireNonNull(caseId);
        this.caseType = caseType;
        this.ownerOrganisation = ownerOrganisation;
        changed(new AccessRequested(id(), caseId, caseType, ownerOrganisation, requestedBy, requesterOrganisation, now));
        return true;
    }

    public Subject subject() {
        return personId != null ? Subject.PERSON : Subject.CASE;
    }

    /** Whether the requester may be shown the case id: they gave it, or it was approved. */
    public boolean caseIdShownToRequester() {
        return reference == null || status == Status.APPROVED;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("Say why you need access to the case.");
        }
    }

    /** Whether a real case is behind the request (its owner's managers were paged). */
    public boolean aboutAKnownCase() {
        return ownerOrganisation != null;
    }

    /** Someone who can already see the case has nothing to ask for; a request needs a reason the owner can weigh. */
    public static AccessRequest ask(String id, String caseId, String caseType, String ownerOrganisation, String requestedBy,
            String requesterOrganisation, String reason, boolean canAlreadySee, Instant now) {
        return ask(id, caseId, null, caseType, ownerOrganisation, requestedBy, requesterOrganisation, reason, canAlreadySee,
                now);
    }

    /** As above, for a case named by the requester by {@code reference} (null when by id). */
    public static AccessRequest ask(String id, String caseId, String reference, String caseType, String ownerOrganisation,
            String requestedBy, String requesterOrganisation, String reason, boolean canAlreadySee, Instant now) {
        if (canAlreadySee) {
            throw DomainException.conflict("You can already see this case.");
        }
        requireReason(reason);
        Objects.requireNonNull(ownerOrganisation);
        AccessRequest request = new AccessRequest(id, Objects.requireNonNull(caseId), reference, null, caseType,
                ownerOrganisation, requestedBy, requesterOrganisation, reason.strip(), now, 1);
        request.announce(new AccessRequested(id, caseId, caseType, ownerOrganisation, requestedBy,
                requesterOrganisation, now));
        return request;
    }

    /**
     * Approves, for the share that was just made: a named-user share at {@code level} until {@code expiresAt}.
     * The caller makes the share through the sharing rules (agreement, restrictions) before recording it here.
     */
    public void approve(String shareId, AccessLevel level, Instant expiresAt, String by, Instant now) {
        requirePending();
        if (subject() == Subject.PERSON) {
            throw new IllegalStateException("a person request is approved with a contact");
        }
        this.status = Status.APPROVED;
        this.shareId = shareId;
        this.level = level;
        this.expiresAt = expiresAt;
        decided(by, null, now);
    }

    /**
     * Approves a person request: the requester is told whom to contact ({@code contact}, the approver's name and
     * organisation) and what the approver adds ({@code message}, say a telephone number or the team to call).
     */
    public void approveWithContact(String contact, String message, String by, Instant now) {
        requirePending();
        if (subject() != Subject.PERSON) {
            throw new IllegalStateException("a case request is approved with a share");
        }
        if (message != null && message.length() > 2000) {
            throw DomainException.invalid("The message must be 2,000 characters or fewer.");
        }
        this.status = Status.APPROVED;
        this.contact = Objects.requireNonNull(contact);
        this.message = message == null || message.isBlank() ? null : message.strip();
        decided(by, null, now);
    }

    public void decline(String why, String by, Instant now) {
        requirePending();
        if (why == null || why.isBlank()) {
            throw DomainException.invalid("Say why the request is declined; the requester will be told.");
        }
        this.status = Status.DECLINED;
        decided(by, why.strip(), now);
    }

    /** When approved access ends: the approver's date if given (at most a year away), else the standard term. */
    public static Instant termEnding(Instant requested, Instant now) {
        if (requested == null) {
            return now.plus(STANDARD_TERM);
        }
        if (!requested.isAfter(now) || requested.isAfter(now.plus(LONGEST_TERM))) {
            throw DomainException.invalid("Approved access ends after now and within a year.");
        }
        return requested;
    }

    private void decided(String by, String why, Instant now) {
        this.decidedBy = by;
        this.decisionReason = why;
        this.decidedAt = now;
        changedQuietly();
        if (subject() == Subject.PERSON) {
            return; // no case to name: the requester reads the answer in their list
        }
        announce(new AccessRequestDecided(id(), caseId, requestedBy, requesterOrganisation, status.name(),
                level == null ? null : level.name(), expiresAt, by, ownerOrganisation, now));
    }

    /** An answered request cannot be answered again. */
    public void requirePending() {
        if (status != Status.PENDING) {
            throw DomainException.conflict("This request was already " + status.name().toLowerCase() + ".");
        }
    }

    public static AccessRequest restore(String id, String caseId, String reference, String personId, String caseType,
            String ownerOrganisation, String requestedBy, String requesterOrganisation, String reason, Instant requestedAt,
            Status status, String decidedBy, String decisionReason, Instant decidedAt, String shareId, AccessLevel level,
            Instant expiresAt, String contact, String message, long version) {
        AccessRequest r = new AccessRequest(id, caseId, reference, personId, caseType, ownerOrganisation, requestedBy,
                requesterOrganisation, reason, requestedAt, version);
        r.contact = contact;
        r.message = message;
        r.status = status;
        r.decidedBy = decidedBy;
        r.decisionReason = decisionReason;
        r.decidedAt = decidedAt;
        r.shareId = shareId;
        r.level = level;
        r.expiresAt = expiresAt;
        return r;
    }

    public String caseId() { return caseId; }
    public String caseType() { return caseType; }
    public String reference() { return reference; }
    public String personId() { return personId; }
    public String contact() { return contact; }
    public String message() { return message; }
    public String ownerOrganisation() { return ownerOrganisation; }
    public String requestedBy() { return requestedBy; }
    public String requesterOrganisation() { return requesterOrganisation; }
    public String reason() { return reason; }
    public Instant requestedAt() { return requestedAt; }
    public Status status() { return status; }
    public String decidedBy() { return decidedBy; }
    public String decisionReason() { return decisionReason; }
    public Instant decidedAt() { return decidedAt; }
    public String shareId() { return shareId; }
    public AccessLevel level() { return level; }
    public Instant expiresAt() { return expiresAt; }
}
