package org.casebridge.sharing.access.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.platform.aggregate.AggregateRoot;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.sharing.partnership.domain.Agreement;
import org.casebridge.sharing.partnership.domain.Partnership;

/**
 * Who may see and do what on one case: its owner organisation manages it; each live share adds a principal at a
 * level. Every change is published whole to the compacted access topic, so the latest record per case is the truth.
 */
public final class CaseAccess extends AggregateRoot {

    private final String caseType;
    private String ownerOrganisation;
    private final boolean restricted;
    private final List<Share> shares;
    private Instant decidedAt;
    private Review review;
    private final java.util.Set<String> lapsedConsentsNoticed = new java.util.HashSet<>();

    private CaseAccess(String caseId, String caseType, String ownerOrganisation, boolean restricted, List<Share> shares,
            Instant decidedAt, long version) {
        super(caseId, version);
        this.caseType = Objects.requireNonNull(caseType);
        this.ownerOrganisation = Objects.requireNonNull(ownerOrganisation);
        this.restricted = restricted;
        this.shares = new ArrayList<>(shares == null ? List.of() : shares);
        this.decidedAt = decidedAt;
    }

    /**
     * A case was opened: until anyone shares it, only its owner organisation may see it — even a restricted case,
     * whose owner organisation is the one that recorded it.
     */
    public static CaseAccess forOpenedCase(String caseId, String caseType, String ownerOrganisation, boolean restricted,
            Instant now) {
        CaseAccess access = new CaseAccess(caseId, caseType, ownerOrganisation, restricted, List.of(), now, 1);
        access.announce(access.decision(now));
        return access;
    }

    public static CaseAccess restore(String caseId, String caseType, String ownerOrganisation, boolean restricted,
            List<Share> shares, Instant decidedAt, long version) {
        return new CaseAccess(caseId, caseType, ownerOrganisation, restricted, shares, decidedAt, version);
    }

    public static CaseAccess restore(String caseId, String caseType, String ownerOrganisation, boolean restricted,
            List<Share> shares, Instant decidedAt, Review review, java.util.Collection<String> lapsedConsentsNoticed,
            long version) {
        CaseAccess access = new CaseAccess(caseId, caseType, ownerOrganisation, restricted, shares, decidedAt, version);
        access.review = review;
        if (lapsedConsentsNoticed != null) {
            access.lapsedConsentsNoticed.addAll(lapsedConsentsNoticed);
        }
        return access;
    }

    /**
     * Consent given for a share has lapsed: the case's shares go up for review (once per share) instead of staying
     * silently in place. Returns whether anything new lapsed.
     */
    public boolean noticeLapsedConsents(Instant now) {
        List<Share> lapsed = shares.stream().filter(s -> s.consentLapsedAt(now) && !lapsedConsentsNoticed.contains(s.id()))
                .toList();
        if (lapsed.isEmpty()) {
            return false;
        }
        lapsed.forEach(s -> lapsedConsentsNoticed.add(s.id()));
        String whom = lapsed.stream().map(Share::principalKey).collect(java.util.stream.Collectors.joining(", "));
        putUpForReview("Consent for sharing with " + whom + " lapsed: record new consent or a lawful basis, or revoke", now);
        changedQuietly();
        return true;
    }

    /** A manager has looked at the shares and keeps them as they are (or has already changed them). */
    public void confirmShares(List<String> managerPrincipals, Instant now) {
        requireManager(managerPrincipals, now);
        if (review == null) {
            throw DomainException.conflict("Nothing about this case's shares is waiting for review.");
        }
        review = null;
        changedQuietly();
    }

    private void putUpForReview(String reason, Instant now) {
        review = review == null ? new Review(reason, now) : new Review(review.reason() + "; " + reason, review.since());
    }

    /** Null when nothing is waiting for review. */
    public Review review() {
        return review;
    }

    public java.util.Set<String> lapsedConsentsNoticed() {
        return java.util.Set.copyOf(lapsedConsentsNoticed);
    }

    /** What a manager of the case asks for. */
    public record ShareRequest(PrincipalKind kind, String principal, String recipientOrganisation, AccessLevel level,
            String reason, Instant expiresAt, Share.Consent consent, String lawfulBasis, Instant consentUntil) {

        public ShareRequest(PrincipalKind kind, String principal, String recipientOrganisation, AccessLevel level,
                String reason, Instant expiresAt, Share.Consent consent, String lawfulBasis) {
            this(kind, principal, recipientOrganisation, level, reason, expiresAt, consent, lawfulBasis, null);
        }
    }

    /**
     * Why the case's shares must be looked at again (a new lead agency, a lapsed consent) and since when; the shares
     * stay in force meanwhile, but nobody can say they were not told.
     */
    public record Review(String reason, Instant since) {
    }

    /**
     * Shares the case. Only someone who manages it may; a restricted case only with named users; outside the owner's
     * organisation only under an active agreement covering this case type between the two organisations.
     */
    public Share share(List<String> sharerPrincipals, String sharedBy, String shareId, ShareRequest request,
            Partnership partnership, Instant now) {
        requireManager(sharerPrincipals, now);
        if (restricted && request.kind() != PrincipalKind.USER) {
            throw DomainException.invalid("A " + caseType + " case is restricted: share it with named users only.");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw DomainException.invalid("Say why the case is being shared.");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw DomainException.invalid("A share cannot expire in the past.");
        }
        String recipient = recipientOrganisation(request, partnership);
        String agreement = null;
        String basis = request.lawfulBasis();
        if (!recipient.equals(ownerOrganisation)) {
            Agreement covering = partnership.agreementCovering(ownerOrganisation, recipient, caseType,
                    LocalDate.ofInstant(now, ZoneOffset.UTC)).orElseThrow(() -> DomainException.invalid(
                            "No active sharing agreement between " + ownerOrganisation + " and " + recipient + " covers "
                                    + caseType + " cases, so this case cannot be shared with them."));
            agreement = covering.code();
            basis = basis == null || basis.isBlank() ? covering.lawfulBasis() : basis.strip();
        }
        Share.Consent consent = request.consent() == null ? Share.Consent.NOT_NEEDED : request.consent();
        if (consent != Share.Consent.GIVEN && (basis == null || basis.isBlank())) {
            throw DomainException.invalid("Without the person's consent, name the lawful basis for sharing.");
        }
        if (request.consentUntil() != null && (consent != Share.Consent.GIVEN || !request.consentUntil().isAfter(now))) {
            throw DomainException.invalid("A consent end date goes with consent GIVEN, and lies in the future.");
        }
        Share share = new Share(shareId, request.kind(), request.principal(), recipient, request.level(),
                request.reason().strip(), agreement, consent, basis, sharedBy, now, request.expiresAt(),
                request.consentUntil());
        if (liveShares(now).stream().anyMatch(s -> s.principalKey().equals(share.principalKey()))) {
            throw DomainException.conflict("The case is already shared with " + share.principalKey()
                    + "; revoke that share to change it.");
        }
        shares.add(share);
        decided(now);
        return share;
    }

    /** Withdraws a share; it stops working as soon as every service has the new decision. */
    public void revoke(List<String> revokerPrincipals, String shareId, Instant now) {
        requireManager(revokerPrincipals, now);
        if (!shares.removeIf(s -> s.id().equals(shareId))) {
            throw DomainException.notFound("Share " + shareId + " of case " + id());
        }
        decided(now);
    }

    /** Drops shares whose expiry has come; returns whether any did. */
    public boolean expireShares(Instant now) {
        if (shares.removeIf(s -> !s.isLiveAt(now))) {
            decided(now);
            return true;
        }
        return false;
    }

    /**
     * The lead moved to another organisation: it now manages the case, and the previous owner keeps contributing
     * (it still holds the history) through a share, until someone reviews the case's shares.
     */
    public void transferTo(String newOwner, Instant now) {
        String previousOwner = ownerOrganisation;
        shares.removeIf(s -> s.kind() == PrincipalKind.ORGANISATION && s.principal().equals(newOwner));
        ownerOrganisation = newOwner;
        if (!restricted) {
            shares.add(new Share("previous-owner-" + version(), PrincipalKind.ORGANISATION, previousOwner, previousOwner,
                    AccessLevel.CONTRIBUTE, "Previous lead agency", null, Share.Consent.NOT_NEEDED,
                    "Continuity of the case after a change of lead agency", "lead-agency-transfer", now, null));
        }
        decided(now);
        if (!shares.isEmpty()) {
            putUpForReview("The lead agency changed from " + previousOwner + " to " + newOwner
                    + ": confirm the case's shares or revoke them", now);
        }
    }

    /** Why a caller may or may not see the case, in words a practitioner understands. */
    public List<String> explain(List<String> principals, String organisation, Instant now) {
        List<String> reasons = new ArrayList<>();
        if (organisation != null && organisation.equals(ownerOrganisation) && !restricted) {
            reasons.add("Your organisation " + ownerOrganisation + " owns the case: MANAGE.");
        } else if (organisation != null && organisation.equals(ownerOrganisation)) {
            reasons.add("Your organisation " + ownerOrganisation + " owns this restricted case: MANAGE.");
        }
        for (Share s : liveShares(now)) {
            if (principals.contains(s.principalKey())) {
                reasons.add("Shared with " + describe(s) + " by " + s.sharedBy() + " on "
                        + LocalDate.ofInstant(s.sharedAt(), ZoneOffset.UTC) + ", " + s.level()
                        + (s.agreement() == null ? "" : ", under agreement " + s.agreement())
                        + ", consent " + s.consent().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (s.expiresAt() == null ? "" : ", until " + s.expiresAt()) + ": " + s.reason() + ".");
            }
        }
        return reasons;
    }

    public Optional<AccessLevel> levelOf(List<String> principals, Instant now) {
        return grants(now).stream().filter(g -> principals.contains(key(g.kind(), g.id())))
                .map(Grant::level).max(Enum::compareTo);
    }

    public CaseAccessChanged decision(Instant now) {
        return new CaseAccessChanged(id(), caseType, ownerOrganisation, restricted, grants(now), decidedAt);
    }

    /** The owner's grant and one per live share. */
    public List<Grant> grants(Instant now) {
        List<Grant> grants = new ArrayList<>();
        grants.add(new Grant(PrincipalKind.ORGANISATION, ownerOrganisation, AccessLevel.MANAGE, null));
        liveShares(now).forEach(s -> grants.add(new Grant(s.kind(), s.principal(), s.level(), s.expiresAt())));
        return grants;
    }

    private List<Share> liveShares(Instant now) {
        return shares.stream().filter(s -> s.isLiveAt(now)).toList();
    }

    private void requireManager(List<String> principals, Instant now) {
        if (levelOf(principals, now).filter(level -> level == AccessLevel.MANAGE).isEmpty()) {
            if (levelOf(principals, now).isEmpty()) {
                throw DomainException.notFound("Case " + id());
            }
            throw DomainException.forbidden("Only someone who manages case " + id() + " can change who sees it.");
        }
    }

    /**
     * An organisation's or team's own organisation comes from the partnership, a user's from the directory (the caller
     * looked it up); one stated in the request must be that one.
     */
    private String recipientOrganisation(ShareRequest request, Partnership partnership) {
        String recipient = switch (request.kind()) {
            case ORGANISATION -> request.principal();
            case TEAM -> partnership.organisationOfTeam(request.principal()).orElseThrow(
                    () -> DomainException.invalid("No team " + request.principal() + " in the partnership."));
            case USER -> request.recipientOrganisation();
        };
        if (request.kind() != PrincipalKind.USER && request.recipientOrganisation() != null
                && !request.recipientOrganisation().equals(recipient)) {
            throw DomainException.invalid(request.principal() + " does not belong to " + request.recipientOrganisation()
                    + "; leave the organisation out, it is taken from the partnership.");
        }
        if (recipient == null || !partnership.isMember(recipient)) {
            throw DomainException.invalid("Say which partner organisation the recipient belongs to (" + recipient
                    + " is not one).");
        }
        return recipient;
    }

    private void decided(Instant now) {
        decidedAt = now;
        changed(decision(now));
    }

    private static String describe(Share s) {
        return switch (s.kind()) {
            case ORGANISATION -> "your organisation " + s.principal();
            case TEAM -> "your team " + s.principal();
            case USER -> "you";
        };
    }

    private static String key(PrincipalKind kind, String id) {
        return switch (kind) {
            case ORGANISATION -> "org:" + id;
            case TEAM -> "team:" + id;
            case USER -> "user:" + id;
        };
    }

    public String caseId() {
        return id();
    }

    public String caseType() {
        return caseType;
    }

    public String ownerOrganisation() {
        return ownerOrganisation;
    }

    public boolean restricted() {
        return restricted;
    }

    public List<Share> shares() {
        return List.copyOf(shares);
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
