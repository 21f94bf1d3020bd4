package org.casebridge.sharing.requests.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.sharing.AccessRequestDecided;
import org.casebridge.contracts.sharing.AccessRequested;
import org.casebridge.platform.domain.DomainException;

/**
 * A practitioner who learns a person is known to another agency, or finds a case they cannot open, asks for access
 * with a reason; the owner's managers approve (a share to that practitioner, which always expires) or decline, and the
 * requester hears which. Everything about the request's life is here; the share itself follows the sharing rules.
 */
public final class AccessRequest {

    public enum Status { PENDING, APPROVED, DECLINED }

    /** Approved access lasts this long unless the approver says otherwise, and never longer than a year. */
    public static final Duration STANDARD_TERM = Duration.ofDays(90);
    private static final Duration LONGEST_TERM = Duration.ofDays(366);

    private final String id;
    private final String caseId;
    private final String caseType;
    private final String ownerOrganisation;
    private final String requestedBy;
    private final String requesterOrganisation;
    private final String reason;
    private final Instant requestedAt;
    private Status status;
    private String decidedBy;
    private String decisionReason;
    private Instant decidedAt;
    private String shareId;
    private AccessLevel level;
    private Instant expiresAt;
    private long version;
    private final List<Object> newEvents = new ArrayList<>();

    private AccessRequest(String id, String caseId, String caseType, String ownerOrganisation, String requestedBy,
            String requesterOrganisation, String reason, Instant requestedAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.caseId = Objects.requireNonNull(caseId);
        this.caseType = caseType;
        this.ownerOrganisation = ownerOrganisation; // null: no case of that id is known here
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.requesterOrganisation = Objects.requireNonNull(requesterOrganisation);
        this.reason = reason;
        this.requestedAt = requestedAt;
        this.status = Status.PENDING;
        this.version = version;
    }

    /**
     * A request naming an id no case here has: kept and answered exactly like a real one (so asking tells the requester
     * nothing), but nobody is paged and it stays PENDING.
     */
    public static AccessRequest askAboutNoKnownCase(String id, String caseId, String requestedBy,
            String requesterOrganisation, String reason, Instant now) {
        requireReason(reason);
        return new AccessRequest(id, caseId, null, null, requestedBy, requesterOrganisation, reason.strip(), now, 1);
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
        if (canAlreadySee) {
            throw DomainException.conflict("You can already see this case.");
        }
        requireReason(reason);
        Objects.requireNonNull(ownerOrganisation);
        AccessRequest request = new AccessRequest(id, caseId, caseType, ownerOrganisation, requestedBy, requesterOrganisation,
                reason.strip(), now, 1);
        request.newEvents.add(new AccessRequested(id, caseId, caseType, ownerOrganisation, requestedBy,
                requesterOrganisation, now));
        return request;
    }

    /**
     * Approves, for the share that was just made: a named-user share at {@code level} until {@code expiresAt}.
     * The caller makes the share through the sharing rules (agreement, restrictions) before recording it here.
     */
    public void approve(String shareId, AccessLevel level, Instant expiresAt, String by, Instant now) {
        requirePending();
        this.status = Status.APPROVED;
        this.shareId = shareId;
        this.level = level;
        this.expiresAt = expiresAt;
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
        version++;
        newEvents.add(new AccessRequestDecided(id, caseId, requestedBy, requesterOrganisation, status.name(),
                level == null ? null : level.name(), expiresAt, by, ownerOrganisation, now));
    }

    /** An answered request cannot be answered again. */
    public void requirePending() {
        if (status != Status.PENDING) {
            throw DomainException.conflict("This request was already " + status.name().toLowerCase() + ".");
        }
    }

    public static AccessRequest restore(String id, String caseId, String caseType, String ownerOrganisation,
            String requestedBy, String requesterOrganisation, String reason, Instant requestedAt, Status status,
            String decidedBy, String decisionReason, Instant decidedAt, String shareId, AccessLevel level,
            Instant expiresAt, long version) {
        AccessRequest r = new AccessRequest(id, caseId, caseType, ownerOrganisation, requestedBy, requesterOrganisation,
                reason, requestedAt, version);
        r.status = status;
        r.decidedBy = decidedBy;
        r.decisionReason = decisionReason;
        r.decidedAt = decidedAt;
        r.shareId = shareId;
        r.level = level;
        r.expiresAt = expiresAt;
        return r;
    }

    public List<Object> newEvents() { return List.copyOf(newEvents); }
    public String id() { return id; }
    public String caseId() { return caseId; }
    public String caseType() { return caseType; }
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
    public long version() { return version; }
}
