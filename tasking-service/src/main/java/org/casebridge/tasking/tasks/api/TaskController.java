package org.casebridge.tasking.tasks.api;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.casebridge.platform.web.IdempotentCreates;
import org.casebridge.tasking.tasks.app.TaskCommands;
import org.casebridge.tasking.tasks.app.TaskQueries;
import org.casebridge.tasking.tasks.domain.Task;
import org.casebridge.tasking.tasks.domain.TaskList;
import org.casebridge.tasking.tasks.domain.TaskStatus;
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

    private final TaskCommands commands;
    private final TaskQueries queries;
    private final IdempotentCreates idempotent;
    private final Clock clock;

    TaskController(TaskCommands commands, TaskQueries queries, IdempotentCreates idempotent, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.idempotent = idempotent;
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
        commands.requireMayWorkOnTasks(user);
        return idempotent.create(user, idempotencyKey, "task", request, commands.newId(),
                id -> created(commands.create(id, user, newTask(request))),
                // a task the caller may no longer see is a 404, as on a read
                id -> {
                    TaskQueries.Seen seen = queries.seen(id, user);
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
        Task task = queries.read(id, user, purpose);
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(TaskView.of(task, clock.instant()));
    }

    @Operation(summary = "The tasks assigned to you, newest first",
            description = "Pass the nextCursor of one page as 'after' to get the next page.")
    @GetMapping("/mine")
    TaskPage mine(CurrentUser user, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after) {
        return list(user, TaskList.MINE, null, null, null, after, limit);
    }

    @Operation(summary = "Lists of tasks, newest first",
            description = "view: MINE (assigned to you), TEAM (to your teams or your whole organisation), SET_BY_ME, "
                    + "OVERDUE (open and past due, among those three), CASE (every task on the case given as 'case', if "
                    + "you may see it). Filters status and priority combine with any view.")
    @GetMapping
    TaskPage find(CurrentUser user, @RequestParam(defaultValue = "MINE") TaskList view,
            @RequestParam(name = "case", required = false) @Pattern(regexp = "[0-9a-f]{24}") String caseId,
            @RequestParam(required = false) TaskStatus status, @RequestParam(required = false) Task.Priority priority,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after) {
        return list(user, view, caseId, status, priority, after, limit);
    }

    private TaskPage list(CurrentUser user, TaskList view, String caseId, TaskStatus status, Task.Priority priority,
            String after, int limit) {
        TaskQueries.TaskPage page = queries.list(user, view, caseId, status, priority, after, limit);
        var now = clock.instant();
        return new TaskPage(page.items().stream().map(t -> TaskView.of(t, now)).toList(), page.nextCursor());
    }

    record TaskPage(List<TaskView> items, String nextCursor) {
    }

    private ResponseEntity<TaskView> created(Task t) {
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + t.id())).eTag(ETags.of(t.version()))
                .body(TaskView.of(t, clock.instant()));
    }
}
