package org.casebridge.tasking.tasks.api;

import java.time.Clock;

import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.casebridge.tasking.tasks.app.TaskCommands;
import org.casebridge.tasking.tasks.domain.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A task's life through the API. Every change needs If-Match with the ETag last read, except progress updates, which
 * only add and are retried against a newer version when sent without it. Illegal transitions answer 409.
 */
@RestController
@RequestMapping("/api/v1/tasks/{id}")
@Validated
class TaskLifecycleController {

    private final TaskCommands commands;
    private final Clock clock;

    TaskLifecycleController(TaskCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record Text(@NotBlank @Size(max = 4000) String text) {
    }

    record Outcome(@NotBlank @Size(max = 4000) String outcome) {
    }

    record Reassignment(@NotNull @Valid AssigneeRequest assignee) {
    }

    record Allocation(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String userId) {
    }

    @Operation(summary = "Accept a task set to you")
    @PostMapping("/accept")
    ResponseEntity<TaskView> accept(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(commands.accept(id, user, ifMatch));
    }

    @Operation(summary = "Start work on a task you accepted")
    @PostMapping("/start")
    ResponseEntity<TaskView> start(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(commands.start(id, user, ifMatch));
    }

    @Operation(summary = "Decline a task, with a reason")
    @PostMapping("/decline")
    ResponseEntity<TaskView> decline(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody Reason body, CurrentUser user, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(commands.decline(id, user, ifMatch, body.reason()));
    }

    @Operation(summary = "Post a progress update", description = "It appears on the case log. If-Match is optional.")
    @PostMapping("/updates")
    ResponseEntity<TaskView> update(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody Text body, CurrentUser user, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Task task = commands.postUpdate(id, user, ifMatch, body.text());
        return ResponseEntity.status(201).eTag(ETags.of(task.version())).body(TaskView.of(task, clock.instant()));
    }

    @Operation(summary = "Complete a task, with an outcome note", description = "The outcome appears on the case log.")
    @PostMapping("/complete")
    ResponseEntity<TaskView> complete(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody Outcome body, CurrentUser user, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(commands.complete(id, user, ifMatch, body.outcome()));
    }

    @Operation(summary = "Cancel a task you set, with a reason")
    @PostMapping("/cancel")
    ResponseEntity<TaskView> cancel(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody Reason body, CurrentUser user, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(commands.cancel(id, user, ifMatch, body.reason()));
    }

    @Operation(summary = "Give the task to another user, team or organisation",
            description = "Its creator or a supervisor of its assignee may. On a case the new assignee must be able to "
                    + "contribute to it.")
    @PostMapping("/reassign")
    ResponseEntity<TaskView> reassign(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody Reassignment body, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(commands.reassign(id, user, ifMatch, body.assignee().toAssignee()));
    }

    @Operation(summary = "Allocate a task set to your team or organisation to one of your people (supervisors)")
    @PostMapping("/allocate")
    ResponseEntity<TaskView> allocate(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody Allocation body, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(commands.allocate(id, user, ifMatch, body.userId()));
    }

    private ResponseEntity<TaskView> ok(Task task) {
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(TaskView.of(task, clock.instant()));
    }
}
