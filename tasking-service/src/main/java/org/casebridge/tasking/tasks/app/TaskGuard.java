package org.casebridge.tasking.tasks.app;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.platform.access.AccessList;
import org.casebridge.platform.access.CaseAccessProjection;
import org.casebridge.platform.aggregate.Expectation;
import org.casebridge.platform.aggregate.OptimisticRetry;
import org.casebridge.platform.aggregate.OptimisticRetry.Round;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.events.OutboxEvent;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.tasking.tasks.domain.Actor;
import org.casebridge.tasking.tasks.domain.Task;
import org.casebridge.tasking.tasks.store.MongoTasks;
import org.springframework.stereotype.Component;

/**
 * The one way a use case reaches a task: it must exist and be visible to the caller (else 404, whether or not it
 * exists), and a change applies to the version the caller last read (If-Match) or fails with 412. Changes nobody
 * asked for by request (a closed case, a merge, the deadline rules) are retried on the platform's one policy.
 */
@Component
class TaskGuard {

    /** Before any decision about a case reaches us, nobody may act on it. */
    static final AccessList NOBODY = new AccessList(List.of(), List.of(), List.of());
    private final MongoTasks tasks;
    private final CaseAccessProjection caseAccess;
    private final OptimisticRetry retry;

    TaskGuard(MongoTasks tasks, CaseAccessProjection caseAccess, OptimisticRetry retry) {
        this.tasks = tasks;
        this.caseAccess = caseAccess;
        this.retry = retry;
    }

    static Actor actor(CurrentUser user) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation, so it cannot work on tasks.");
        }
        return new Actor(user.id(), user.organisation(), user.principals(), user.roles());
    }

    AccessList accessTo(String caseId) {
        return caseId == null ? NOBODY : caseAccess.find(caseId).orElse(NOBODY);
    }

    /** The task, if the caller may see it, and why they may. */
    TaskQueries.Seen load(String id, Actor actor) {
        Task task = tasks.find(id).orElseThrow(() -> DomainException.notFound("Task " + id));
        AccessList access = accessTo(task.caseId());
        boolean maySeeCase = access.allows(actor.principals(), AccessLevel.VIEW);
        if (!task.isVisibleTo(actor, maySeeCase)) {
            throw DomainException.notFound("Task " + id);
        }
        return new TaskQueries.Seen(task, task.isParticipant(actor) ? "participant" : "case-access");
    }

    /**
     * Applies a change to the version in {@code ifMatch} (required unless {@code additive}) and stores it, with the
     * audit record {@code audit} makes from the changed task, in the same single-document write.
     */
    Task change(String id, Actor actor, String ifMatch, boolean additive, Consumer<Task> command,
            Function<Task, OutboxEvent> audit) {
        // loaded before If-Match is read: whoever may not see the task learns nothing from the header (404, not 428)
        AtomicReference<Task> first = new AtomicReference<>(load(id, actor).task());
        // progress updates only add: without If-Match a concurrent change is retried against the newer version
        Expectation expected = additive ? Expectation.ifMatchIfGiven(ifMatch) : Expectation.ifMatch(ifMatch);
        return retry.change(expected, () -> {
            Task task = first.getAndSet(null);
            task = task != null ? task : load(id, actor).task();
            long loaded = task.version();
            expected.check(loaded);
            command.accept(task);
            return Round.of(tasks.update(task, loaded, audit.apply(task)), task);
        });
    }

    /**
     * A change that follows from something other than a request (an event, the clock), against whatever version is
     * stored: a lost race is retried against the newer one. {@code command} says whether it changed the task.
     *
     * @param exhausted what to answer (or throw) when every round lost
     * @return whether the task changed
     */
    boolean follow(String id, Predicate<Task> command, Supplier<Boolean> exhausted) {
        return retry.run(() -> {
            Task task = tasks.find(id).orElse(null);
            if (task == null) {
                return Round.done(false);
            }
            long loaded = task.version();
            if (!command.test(task)) {
                return Round.done(false);
            }
            return Round.of(tasks.update(task, loaded), true);
        }, exhausted);
    }
}
