package org.casebridge.tasking.tasks.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.tasking.tasks.domain.Actor;
import org.casebridge.tasking.tasks.domain.Task;
import org.casebridge.tasking.tasks.domain.TaskFigures;
import org.casebridge.tasking.tasks.domain.TaskList;
import org.casebridge.tasking.tasks.domain.TaskStatus;
import org.casebridge.tasking.tasks.store.MongoTasks;
import org.springframework.stereotype.Service;

/**
 * Reading tasks: participants always see a task, anyone else only while they may see its case (404 otherwise), and
 * every task shown is audited.
 */
@Service
public class TaskQueries {

    private static final Set<String> MAY_COUNT = Set.of("ANALYST", "PARTNERSHIP_ADMIN", "SUPERVISOR");

    private final TaskGuard guard;
    private final MongoTasks tasks;
    private final AuditTrail audit;
    private final Clock clock;

    TaskQueries(TaskGuard guard, MongoTasks tasks, AuditTrail audit, Clock clock) {
        this.guard = guard;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /** A task the caller may see, and why they may ({@code participant} or {@code case-access}). */
    public record Seen(Task task, String grantedBy) {
    }

    public record TaskPage(List<Task> items, String nextCursor) {
    }

    /** The task as the caller may see it now, unaudited (an idempotent replay audits itself); 404 if they may not. */
    public Seen seen(String id, CurrentUser user) {
        return guard.load(id, TaskGuard.actor(user));
    }

    public Task read(String id, CurrentUser user, String purpose) {
        Seen seen = seen(id, user);
        audit.record(user, "READ", "task", id, seen.grantedBy(), purpose, null);
        return seen.task();
    }

    /** One page of a list, newest first, after the cursor (a task id); the CASE list needs a case the caller may see. */
    public TaskPage list(CurrentUser user, TaskList view, String caseId, TaskStatus status, Task.Priority priority,
            String after, int limit) {
        Actor actor = TaskGuard.actor(user);
        if (view == TaskList.CASE) {
            if (caseId == null) {
                throw DomainException.invalid("The CASE view needs the case: ?view=CASE&case=<case id>.");
            }
            if (!guard.accessTo(caseId).allows(actor.principals(), AccessLevel.VIEW)) {
                throw DomainException.notFound("Case " + caseId);
            }
        }
        var filters = new MongoTasks.Filters(caseId, status == null ? null : status.name(),
                priority == null ? null : priority.name());
        List<Task> page = tasks.list(view, actor, filters, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), after,
                limit);
        audit.recordEach(user, "LIST", "task", page.stream().map(Task::id).toList(), null);
        return new TaskPage(page, page.size() == limit ? page.get(page.size() - 1).id() : null);
    }

    /** Tasking figures per organisation, for analysts, supervisors and partnership administrators. */
    public List<TaskFigures.Row> counts(CurrentUser user, Instant from, Instant to) {
        if (user.roles().stream().noneMatch(MAY_COUNT::contains)) {
            throw DomainException.forbidden("Tasking figures are for analysts, supervisors and partnership administrators.");
        }
        if (!from.isBefore(to)) {
            throw DomainException.invalid("'from' must be before 'to'.");
        }
        return TaskFigures.count(tasks.setBetween(from, to), tasks.completedBetween(from, to), tasks.allOpen(),
                clock.instant());
    }
}
