package org.casebridge.tasking.tasks.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.platform.access.AccessList;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.casebridge.platform.web.IdempotentCreates;
import org.casebridge.tasking.tasks.domain.Actor;
import org.casebridge.tasking.tasks.domain.Assignee;
import org.casebridge.tasking.tasks.domain.Task;
import org.casebridge.tasking.tasks.domain.TaskStatus;
import org.casebridge.tasking.tasks.store.MongoTasks;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/tasks")
@Validated
class TaskController {

    private final MongoTasks tasks;
    private final TaskGuard guard;
    private final AuditTrail audit;
    private final IdempotentCreates idempotent;
    private final Clock clock;

    TaskController(MongoTasks tasks, TaskGuard guard, AuditTrail audit, IdempotentCreates idempotent, Clock clock) {
        this.idempotent = idempotent;
        this.tasks = tasks;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Set a task on a case you may contribute to, or about a person or a location",
            description = "The assignee may be a user, a team or a whole organisation, which then allocates it. On a case "
                    + "the assignee's organisation must be able to contribute to it (a share at CONTRIBUTE); otherwise 409 "
                    + "says so. Send an Idempotency-Key to make a retried request return the task it already set (yours, for "
                    + "the same body, within 24 hours; another body under the same key is a 422).")
    @PostMapping
    ResponseEntity<TaskView> create(@Valid @RequestBody NewTaskRequest request, CurrentUser user,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) @Size(max = 100) String idempotencyKey) {
        Actor actor = TaskGuard.actor(user);
        return idempotent.create(user, idempotencyKey, "task", request, tasks.newId(), id -> {
            Task.NewTask newTask = newTask(request);
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
            return created(task);
        }, id -> {
            // a task the caller may no longer see is a 404, as on a read
            TaskGuard.Seen seen = guard.load(id, actor);
            return Optional.of(new IdempotentCreates.Replay<>(created(seen.task()), seen.grantedBy()));
        });
    }

    private static Task.NewTask newTask(NewTaskRequest r) {
        Task.SubjectKind kind;
        String subject;
        if (r.caseId() != null) {
            if (r.subjectKind() != null && r.subjectKind() != Task.SubjectKind.CASE) {
                throw DomainException.invalid("A task is on a case or about a person or location, not both.");
            }
            kind = Task.SubjectKind.CASE;
            subject = r.caseId();
        } else {
            if (r.subjectKind() == null || r.subjectId() == null || r.subjectKind() == Task.SubjectKind.CASE) {
                throw DomainException.invalid("Give the caseId, or a subjectKind PERSON or LOCATION with its subjectId.");
            }
            kind = r.subjectKind();
            subject = r.subjectId();
        }
        return new Task.NewTask(kind, subject, r.title(), r.description(), r.priority(), r.dueDate(),
                r.assignee() == null ? null : r.assignee().toAssignee(), r.sourceLogEntryId());
    }

    @Operation(summary = "Read a task you take part in, or one on a case you may see")
    @GetMapping("/{id}")
    ResponseEntity<TaskView> get(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        TaskGuard.Seen seen = guard.load(id, TaskGuard.actor(user));
        audit.record(user, "READ", "task", id, seen.grantedBy(), purpose, null);
        return ResponseEntity.ok().eTag(ETags.of(seen.task().version())).body(TaskView.of(seen.task(), clock.instant()));
    }

    @Operation(summary = "The tasks assigned to you, newest first",
            description = "Pass the nextCursor of one page as 'after' to get the next page.")
    @GetMapping("/mine")
    TaskPage mine(CurrentUser user, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after) {
        return list(user, MongoTasks.View.MINE, null, null, null, after, limit);
    }

    @Operation(summary = "Lists of tasks, newest first",
            description = "view: MINE (assigned to you), TEAM (to your teams or your whole organisation), SET_BY_ME, "
                    + "OVERDUE (open and past due, among those three), CASE (every task on the case given as 'case', if "
                    + "you may see it). Filters status and priority combine with any view.")
    @GetMapping
    TaskPage find(CurrentUser user, @RequestParam(defaultValue = "MINE") MongoTasks.View view,
            @RequestParam(name = "case", required = false) @Pattern(regexp = "[0-9a-f]{24}") String caseId,
            @RequestParam(required = false) TaskStatus status, @RequestParam(required = false) Task.Priority priority,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after) {
        return list(user, view, caseId, status, priority, after, limit);
    }

    private TaskPage list(CurrentUser user, MongoTasks.View view, String caseId, TaskStatus status, Task.Priority priority,
            String after, int limit) {
        Actor actor = TaskGuard.actor(user);
        if (view == MongoTasks.View.CASE) {
            if (caseId == null) {
                throw DomainException.invalid("The CASE view needs the case: ?view=CASE&case=<case id>.");
            }
            if (!guard.accessTo(caseId).allows(actor.principals(), AccessLevel.VIEW)) {
                throw DomainException.notFound("Case " + caseId);
            }
        }
        var filters = new MongoTasks.Filters(caseId, status == null ? null : status.name(),
                priority == null ? null : priority.name());
        var now = clock.instant();
        List<TaskView> page = tasks.list(view, actor, filters, LocalDate.ofInstant(now, ZoneOffset.UTC), after, limit)
                .stream().map(t -> TaskView.of(t, now)).toList();
        audit.recordEach(user, "LIST", "task", page.stream().map(TaskView::id).toList(), null);
        return new TaskPage(page, page.size() == limit ? page.get(page.size() - 1).id() : null);
    }

    record TaskPage(List<TaskView> items, String nextCursor) {
    }

    private ResponseEntity<TaskView> created(Task t) {
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + t.id())).eTag(ETags.of(t.version()))
                .body(TaskView.of(t, clock.instant()));
    }

    /** The principal whose entry allowed the action, for the audit record. */
    private static String grantedBy(AccessList access, CurrentUser user) {
        return user.principals().stream().filter(p -> access.allows(List.of(p), AccessLevel.CONTRIBUTE)).findFirst()
                .orElse("unknown");
    }
}
