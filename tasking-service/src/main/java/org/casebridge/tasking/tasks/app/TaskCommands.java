package org.casebridge.tasking.tasks.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.party.PersonsMerged;
import org.casebridge.platform.access.AccessList;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.tasking.tasks.domain.Actor;
import org.casebridge.tasking.tasks.domain.Assignee;
import org.casebridge.tasking.tasks.domain.Task;
import org.casebridge.tasking.tasks.store.MongoTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Everything that changes a task, whoever asks: a practitioner through the API, another service's event or the
 * deadline schedule. A practitioner's change loads the task they may see (404 otherwise), checks the version they
 * read ({@code If-Match}: required, except for progress updates, which only add), applies the rule of {@link Task}
 * and stores the change with its audit record in one single-document write.
 */
@Service
public class TaskCommands {

    private static final Logger log = LoggerFactory.getLogger(TaskCommands.class);

    private final TaskGuard guard;
    private final MongoTasks tasks;
    private final AuditTrail audit;
    private final Clock clock;

    TaskCommands(TaskGuard guard, MongoTasks tasks, AuditTrail audit, Clock clock) {
        this.guard = guard;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    // --- setting a task --------------------------------------------------------------------------------------------

    /** The id a new task will get (ids sort by creation time). */
    public String newId() {
        return tasks.newId();
    }

    /** Checked before an Idempotency-Key is reserved, and again on setting: a caller with no organisation is 403. */
    public void requireMayWorkOnTasks(CurrentUser user) {
        TaskGuard.actor(user);
    }

    /**
     * Sets a task ({@link Task#create} says who may set what to whom, from sharing-service's decision on its case);
     * audited in the same write. No assignee means the creator.
     */
    public Task create(String id, CurrentUser user, Task.NewTask newTask) {
        Actor actor = TaskGuard.actor(user);
        Assignee assignee = newTask.assignee() == null
                ? new Assignee(Assignee.Kind.USER, user.id(), user.organisation()) : newTask.assignee();
        Task.CaseRights rights = Task.CaseRights.NO_CASE;
        AccessList access = TaskGuard.NOBODY;
        if (newTask.subjectKind() == Task.SubjectKind.CASE) {
            access = guard.accessTo(newTask.subjectId());
            rights = new Task.CaseRights(access.allows(actor.principals(), AccessLevel.VIEW),
                    access.allows(actor.principals(), AccessLevel.CONTRIBUTE),
                    access.allows(assignee.principals(), AccessLevel.CONTRIBUTE));
        }
        Task task = Task.create(id, newTask, actor, rights, clock.instant());
        tasks.insert(task, audit.entry(user, "CREATE", "task", task.id(),
                task.caseId() == null ? "creator" : grantedBy(access, user), null,
                Map.of("subject", Map.of("after", task.subjectKind() + " " + task.subjectId()),
                        "assignee", Map.of("after", task.assignee().kind() + " " + task.assignee().id()))));
        return task;
    }

    // --- a task's life: every change needs the version the caller read, except progress updates -------------------

    public Task accept(String id, CurrentUser user, String ifMatch) {
        return change(id, user, ifMatch, "ACCEPT", (t, a) -> t.accept(a, clock.instant()));
    }

    public Task start(String id, CurrentUser user, String ifMatch) {
        return change(id, user, ifMatch, "START", (t, a) -> t.start(a, clock.instant()));
    }

    public Task decline(String id, CurrentUser user, String ifMatch, String reason) {
        return change(id, user, ifMatch, "DECLINE", (t, a) -> t.decline(reason, a, clock.instant()));
    }

    /** A progress update only adds: without If-Match a concurrent change is retried against the newer version. */
    public Task postUpdate(String id, CurrentUser user, String ifMatch, String text) {
        Actor actor = TaskGuard.actor(user);
        return guard.change(id, actor, ifMatch, true, t -> t.postUpdate(text, actor, clock.instant()),
                t -> audit.entry(user, "UPDATE", "task", id, "participant", null, Map.of("update", Map.of("after", text))));
    }

    public Task complete(String id, CurrentUser user, String ifMatch, String outcome) {
        return change(id, user, ifMatch, "COMPLETE", (t, a) -> t.complete(outcome, a, clock.instant()));
    }

    public Task cancel(String id, CurrentUser user, String ifMatch, String reason) {
        return change(id, user, ifMatch, "CANCEL", (t, a) -> t.cancel(reason, a, clock.instant()));
    }

    /** On a case the new assignee must be able to contribute to it (sharing-service's decision, projected here). */
    public Task reassign(String id, CurrentUser user, String ifMatch, Assignee to) {
        return change(id, user, ifMatch, "REASSIGN", (t, a) -> t.reassign(to, a,
                guard.accessTo(t.caseId()).allows(to.principals(), AccessLevel.CONTRIBUTE), clock.instant()));
    }

    public Task allocate(String id, CurrentUser user, String ifMatch, String userId) {
        return change(id, user, ifMatch, "ALLOCATE", (t, a) -> t.allocate(userId, a, clock.instant()));
    }

    private Task change(String id, CurrentUser user, String ifMatch, String action, BiConsumer<Task, Actor> command) {
        Actor actor = TaskGuard.actor(user);
        return guard.change(id, actor, ifMatch, false, t -> command.accept(t, actor),
                t -> audit.entry(user, action, "task", id, "participant", null,
                        Map.of("status", Map.of("after", t.status().name()))));
    }

    // --- what follows from other services --------------------------------------------------------------------------

    /** Its case was closed: every open task on it is flagged to its assignee and creator, not cancelled. */
    public void caseClosed(CaseClosed closed) {
        tasks.openOnCase(closed.caseId()).forEach(t -> followOrRetryEvent(t.id(),
                task -> task.caseClosed(closed.closedBy(), clock.instant())));
    }

    /** Two person records were merged: tasks about the merged one follow the survivor. */
    public void personsMerged(PersonsMerged merged) {
        tasks.aboutPerson(merged.mergedId()).forEach(t -> followOrRetryEvent(t.id(), task -> task.followMerge(
                merged.survivorId(), merged.mergedId(), merged.mergedBy(), merged.organisation(), clock.instant())));
    }

    private void followOrRetryEvent(String taskId, java.util.function.Predicate<Task> command) {
        guard.follow(taskId, command, () -> {
            throw new IllegalStateException("task " + taskId + " kept changing; the event will be retried");
        });
    }

    // --- the deadline rules ----------------------------------------------------------------------------------------

    /**
     * Applies the deadline rules ({@link Task#checkDeadline}) as of {@code now} to at most {@code batch} open tasks due
     * by the horizon; returns how many changed. Each task's version makes every reminder, overdue and escalation
     * happen once: the loser of a concurrent write re-reads a task that has already been flagged.
     */
    public int checkDeadlines(Instant now, int remindDaysBefore, int graceDays, int batch) {
        LocalDate horizon = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(remindDaysBefore);
        int changed = 0;
        for (Task candidate : tasks.openDueBy(horizon, batch)) {
            String id = candidate.id();
            if (guard.follow(id, task -> task.checkDeadline(now, remindDaysBefore, graceDays), () -> {
                log.warn("Task {} kept changing while its deadline was checked; the next run will retry", id);
                return false;
            })) {
                changed++;
            }
        }
        return changed;
    }

    /** The principal whose entry allowed the action, for the audit record. */
    private static String grantedBy(AccessList access, CurrentUser user) {
        return user.principals().stream().filter(p -> access.allows(List.of(p), AccessLevel.CONTRIBUTE)).findFirst()
                .orElse("unknown");
    }
}
