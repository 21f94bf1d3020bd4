package org.casebridge.cases.app;

import java.util.List;
import java.util.function.Function;

import org.casebridge.cases.app.CaseCommands.Applied;
import org.casebridge.cases.domain.Case;
import org.casebridge.cases.store.MongoCases;
import org.casebridge.cases.store.MongoCases.VisibleCase;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.platform.aggregate.Expectation;
import org.casebridge.platform.aggregate.OptimisticRetry;
import org.casebridge.platform.aggregate.OptimisticRetry.Round;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.events.OutboxEvent;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.springframework.stereotype.Component;

/**
 * Loads a case for a caller: 404 when they may not know it exists, 403 when they can see it but their level does not
 * allow the action, 412 when they changed an older version than the one stored.
 */
@Component
class CaseGuard {

    private final MongoCases cases;
    private final OptimisticRetry retry;

    CaseGuard(MongoCases cases, OptimisticRetry retry) {
        this.cases = cases;
        this.retry = retry;
    }

    VisibleCase load(String id, CurrentUser user, AccessLevel needed) {
        VisibleCase found = cases.findVisible(id, user.principals())
                .orElseThrow(() -> DomainException.notFound("Case " + id));
        if (!found.access().allows(user.principals(), needed)) {
            throw DomainException.forbidden("You can see case " + found.value().reference() + " but not "
                    + (needed == AccessLevel.MANAGE ? "manage" : "contribute to") + " it.");
        }
        return found;
    }

    /** Loads the case for a change made against the version the caller expects. */
    Case loadForChange(String id, CurrentUser user, AccessLevel needed, Expectation expected) {
        Case current = load(id, user, needed).value();
        expected.check(current.version());
        return current;
    }

    /** Saves the change with its audit record, in one write. */
    void save(Case changed, long expectedVersion, OutboxEvent audit) {
        if (!cases.update(changed, expectedVersion, audit)) {
            throw ETags.stale();
        }
    }

    /**
     * Applies an additive change (a log entry, a link, an assessment). Against a version it applies to that version
     * or fails with 412; against any, a concurrent change is retried against the newer version, because additions
     * never overwrite each other.
     *
     * {@code audit} makes the change's audit record from what the command returned; it is stored in the same write.
     *
     * @return what the command returned, and the case after it
     */
    <T> Applied<T> add(String id, CurrentUser user, AccessLevel needed, Expectation expected, Function<Case, T> command,
            Function<T, OutboxEvent> audit) {
        return retry.change(expected, () -> {
            Case c = loadForChange(id, user, needed, expected);
            long loaded = c.version();
            T result = command.apply(c);
            return Round.of(cases.update(c, loaded, audit.apply(result)), new Applied<>(result, c));
        });
    }

    /** The principal whose entry let the caller in, for the audit record. */
    static String grantedBy(VisibleCase found, CurrentUser user) {
        return user.principals().stream().filter(p -> found.access().allows(List.of(p), AccessLevel.VIEW))
                .findFirst().orElse("unknown");
    }
}
