package org.casebridge.tasking.tasks.api;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.platform.access.AccessList;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.casebridge.platform.access.CaseAccessProjection;
import org.casebridge.tasking.tasks.domain.Task;
import org.casebridge.tasking.tasks.store.MongoTasks;
import org.springframework.dao.DuplicateKeyException;
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

    /** Before any decision about a case reaches us, nobody may act on it. */
    private static final AccessList NOBODY = new AccessList(List.of(), List.of(), List.of());

    private final MongoTasks tasks;
    private final CaseAccessProjection caseAccess;
    private final AuditTrail audit;
    private final Clock clock;

    TaskController(MongoTasks tasks, CaseAccessProjection caseAccess, AuditTrail audit, Clock clock) {
        this.tasks = tasks;
        this.caseAccess = caseAccess;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Set a task on a case you may contribute to",
            description = "Send an Idempotency-Key to make a retried request return the task it already set.")
    @PostMapping
    ResponseEntity<TaskView> create(@Valid @RequestBody NewTaskRequest request, CurrentUser user,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation, so it cannot set a task.");
        }
        String key = idempotencyKey == null ? null : user.id() + "|" + idempotencyKey;
        if (key != null) {
            Optional<Task> earlier = tasks.findByIdempotencyKey(key);
            if (earlier.isPresent()) {
                return created(earlier.get());
            }
        }
        AccessList access = caseAccess.find(request.caseId()).orElse(NOBODY);
        List<String> principals = user.principals();
        Task task = Task.create(tasks.newId(), new Task.NewTask(request.caseId(), request.title(), request.assignee(),
                user.id(), user.organisation()), access.allows(principals, AccessLevel.VIEW),
                access.allows(principals, AccessLevel.CONTRIBUTE), clock.instant());
        try {
            tasks.insert(task, key);
        } catch (DuplicateKeyException raced) {
            if (key == null) {
                throw raced;
            }
            return created(tasks.findByIdempotencyKey(key).orElseThrow());
        }
        audit.record(user, "CREATE", "task", task.id(), grantedBy(access, user, AccessLevel.CONTRIBUTE), null,
                Map.of("caseId", Map.of("after", task.caseId()), "assignee", Map.of("after", task.assignee())));
        return created(task);
    }

    @Operation(summary = "Read a task assigned to you or on a case you may see")
    @GetMapping("/{id}")
    ResponseEntity<TaskView> get(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        Optional<Task> task = tasks.find(id);
        AccessList access = task.flatMap(t -> caseAccess.find(t.caseId())).orElse(NOBODY);
        Task found = task.filter(t -> t.isVisibleTo(user.id(), access.allows(user.principals(), AccessLevel.VIEW)))
                .orElseThrow(() -> DomainException.notFound("Task " + id));
        String grantedBy = found.assignee().equals(user.id()) ? "assignee" : grantedBy(access, user, AccessLevel.VIEW);
        audit.record(user, "READ", "task", id, grantedBy, purpose, null);
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(TaskView.of(found));
    }

    @Operation(summary = "The tasks assigned to you, newest first",
            description = "Pass the nextCursor of one page as 'after' to get the next page.")
    @GetMapping("/mine")
    TaskPage mine(CurrentUser user, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after) {
        List<TaskView> page = tasks.assignedTo(user.id(), after, limit).stream().map(TaskView::of).toList();
        String next = page.size() == limit ? page.get(page.size() - 1).id() : null;
        return new TaskPage(page, next);
    }

    record TaskPage(List<TaskView> items, String nextCursor) {
    }

    private static ResponseEntity<TaskView> created(Task t) {
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + t.id())).eTag(ETags.of(t.version())).body(TaskView.of(t));
    }

    /** The principal whose entry allowed the action, for the audit record. */
    private static String grantedBy(AccessList access, CurrentUser user, AccessLevel level) {
        return user.principals().stream().filter(p -> access.allows(List.of(p), level)).findFirst().orElse("unknown");
    }
}
