package org.casebridge.sharing.access.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.casebridge.sharing.access.store.MongoCaseAccess;
import org.springframework.stereotype.Component;

/** Reading a case's access: who may see it, why a caller can or cannot, and what waits for review. */
@Component
public class CaseAccessQueries {

    private final MongoCaseAccess access;
    private final Clock clock;

    CaseAccessQueries(MongoCaseAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** The case's access as recorded, whoever asks: for use cases that decide themselves what the caller may know. */
    public Optional<CaseAccess> find(String caseId) {
        return access.find(caseId);
    }

    /** @throws DomainException NOT_FOUND when the caller may not see the case */
    public CaseAccess visible(String caseId, CurrentUser user) {
        return access.find(caseId).filter(a -> a.levelOf(user.principals(), clock.instant()).isPresent())
                .orElseThrow(() -> DomainException.notFound("Case " + caseId));
    }

    /** The level the caller has on the case now, if any. */
    public Optional<AccessLevel> levelOf(String caseId, CurrentUser user) {
        return access.find(caseId).flatMap(c -> c.levelOf(user.principals(), clock.instant()));
    }

    /** Why the caller can see the case; empty when nothing gives them access. */
    public List<String> explain(String caseId, CurrentUser user) {
        return access.find(caseId).map(found -> found.explain(user.principals(), user.organisation(), clock.instant()))
                .orElse(List.of());
    }

    /** The caller's organisation's cases whose shares wait for review, among those the caller manages. */
    public List<CaseAccess> awaitingReview(CurrentUser user) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation.");
        }
        return access.awaitingReview(user.organisation()).stream()
                .filter(c -> c.levelOf(user.principals(), clock.instant()).filter(l -> l == AccessLevel.MANAGE).isPresent())
                .toList();
    }
}
