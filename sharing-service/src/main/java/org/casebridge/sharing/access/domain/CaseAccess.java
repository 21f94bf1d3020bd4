package org.casebridge.sharing.access.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;

/**
 * The effective access of one case: its owner organisation manages it; shares add principals. Every decision is
 * published whole to the compacted access topic, so the latest record per case is the whole truth.
 */
public final class CaseAccess {

    private final String caseId;
    private final String caseType;
    private String ownerOrganisation;
    private final boolean restricted;
    private List<Grant> grants;
    private Instant decidedAt;
    private long version;
    private final List<Object> newEvents = new ArrayList<>();

    private CaseAccess(String caseId, String caseType, String ownerOrganisation, boolean restricted, List<Grant> grants,
            Instant decidedAt, long version) {
        this.caseId = Objects.requireNonNull(caseId);
        this.caseType = Objects.requireNonNull(caseType);
        this.ownerOrganisation = Objects.requireNonNull(ownerOrganisation);
        this.restricted = restricted;
        this.grants = List.copyOf(grants);
        this.decidedAt = decidedAt;
        this.version = version;
    }

    /**
     * A case was opened: until anyone shares it, only its owner organisation may see it — even a restricted case,
     * whose owner organisation is the one that recorded it.
     */
    public static CaseAccess forOpenedCase(String caseId, String caseType, String ownerOrganisation, boolean restricted,
            Instant now) {
        CaseAccess access = new CaseAccess(caseId, caseType, ownerOrganisation, restricted,
                List.of(new Grant(PrincipalKind.ORGANISATION, ownerOrganisation, AccessLevel.MANAGE, null)), now, 1);
        access.newEvents.add(access.decision());
        return access;
    }

    public static CaseAccess restore(String caseId, String caseType, String ownerOrganisation, boolean restricted,
            List<Grant> grants, Instant decidedAt, long version) {
        return new CaseAccess(caseId, caseType, ownerOrganisation, restricted, grants, decidedAt, version);
    }

    /**
     * The lead moved to another organisation: it now manages the case, and the previous owner keeps contributing
     * (it still holds the history) until someone reviews the case's shares. Other grants stay as they were.
     */
    public void transferTo(String newOwner, Instant now) {
        String previousOwner = ownerOrganisation;
        List<Grant> regranted = new ArrayList<>();
        regranted.add(new Grant(PrincipalKind.ORGANISATION, newOwner, AccessLevel.MANAGE, null));
        if (!restricted) {
            regranted.add(new Grant(PrincipalKind.ORGANISATION, previousOwner, AccessLevel.CONTRIBUTE, null));
        }
        for (Grant grant : grants) {
            boolean ownerGrant = grant.kind() == PrincipalKind.ORGANISATION
                    && (grant.id().equals(previousOwner) || grant.id().equals(newOwner));
            if (!ownerGrant) {
                regranted.add(grant);
            }
        }
        ownerOrganisation = newOwner;
        grants = List.copyOf(regranted);
        decidedAt = now;
        version++;
        newEvents.add(decision());
    }

    public CaseAccessChanged decision() {
        return new CaseAccessChanged(caseId, caseType, ownerOrganisation, restricted, grants, decidedAt);
    }

    /** Whether any of the caller's principals ({@code org:}, {@code team:}, {@code user:}) holds a grant. */
    public boolean isVisibleTo(List<String> principals) {
        return grants.stream().anyMatch(g -> principals.contains(switch (g.kind()) {
            case ORGANISATION -> "org:" + g.id();
            case TEAM -> "team:" + g.id();
            case USER -> "user:" + g.id();
        }));
    }

    public List<Object> newEvents() {
        return List.copyOf(newEvents);
    }

    public String caseId() {
        return caseId;
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

    public List<Grant> grants() {
        return grants;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public long version() {
        return version;
    }
}
