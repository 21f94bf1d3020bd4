package org.casebridge.platform.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;

/**
 * A service's local copy of who may do what on one case, stored on the record it protects and indexed, so a
 * list query filters by {@code access.view} in MongoDB and nobody pages through rows they may not see.
 * Principals are {@code org:<code>}, {@code team:<code>} and {@code user:<id>}; each level includes the ones below.
 */
public record AccessList(List<String> view, List<String> contribute, List<String> manage) {

    public static final String VIEW_FIELD = "access.view";

    /** Before sharing-service has decided anything, the owning organisation alone manages the case. */
    public static AccessList ownerOnly(String organisation) {
        List<String> owner = List.of("org:" + organisation);
        return new AccessList(owner, owner, owner);
    }

    /**
     * Grants that have not expired at {@code now}, as an access list. Restricted cases keep only named users besides
     * the owner organisation.
     */
    public static AccessList from(CaseAccessChanged decision, Instant now) {
        Set<String> view = new LinkedHashSet<>();
        Set<String> contribute = new LinkedHashSet<>();
        Set<String> manage = new LinkedHashSet<>();
        for (Grant grant : decision.grants()) {
            if (grant.expiresAt() != null && !grant.expiresAt().isAfter(now)) {
                continue;
            }
            // a restricted case reaches other organisations only through named people; its owner keeps it
            boolean owner = grant.kind() == CaseAccessChanged.PrincipalKind.ORGANISATION
                    && grant.id().equals(decision.ownerOrganisation());
            if (decision.restricted() && grant.kind() != CaseAccessChanged.PrincipalKind.USER && !owner) {
                continue;
            }
            String principal = switch (grant.kind()) {
                case ORGANISATION -> "org:" + grant.id();
                case TEAM -> "team:" + grant.id();
                case USER -> "user:" + grant.id();
            };
            view.add(principal);
            if (grant.level() != AccessLevel.VIEW) {
                contribute.add(principal);
            }
            if (grant.level() == AccessLevel.MANAGE) {
                manage.add(principal);
            }
        }
        return new AccessList(new ArrayList<>(view), new ArrayList<>(contribute), new ArrayList<>(manage));
    }

    /**
     * After a change of lead agency: the new owner manages; the previous owner keeps contributing until
     * sharing-service re-confirms the case's access.
     */
    public AccessList transferred(String previousOwner, String newOwner) {
        Set<String> newView = new LinkedHashSet<>(view);
        Set<String> newContribute = new LinkedHashSet<>(contribute);
        Set<String> newManage = new LinkedHashSet<>(manage);
        newView.add(newOwner);
        newContribute.add(newOwner);
        newContribute.add(previousOwner);
        newManage.remove(previousOwner);
        newManage.add(newOwner);
        return new AccessList(new ArrayList<>(newView), new ArrayList<>(newContribute), new ArrayList<>(newManage));
    }

    public boolean allows(List<String> principals, AccessLevel level) {
        List<String> holders = switch (level) {
            case VIEW -> view;
            case CONTRIBUTE -> contribute;
            case MANAGE -> manage;
        };
        return principals.stream().anyMatch(holders::contains);
    }
}
