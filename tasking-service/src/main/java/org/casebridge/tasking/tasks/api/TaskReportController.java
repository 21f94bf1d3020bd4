package org.casebridge.tasking.tasks.api;

import java.time.Instant;
import java.util.List;

import org.casebridge.platform.security.CurrentUser;
import org.casebridge.tasking.tasks.app.TaskQueries;
import org.casebridge.tasking.tasks.domain.TaskFigures;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Tasking figures for the partnership's meetings: counts and times only, never a person, a case or a task. */
@RestController
@RequestMapping("/api/v1/tasks/reports")
class TaskReportController {

    private final TaskQueries queries;

    TaskReportController(TaskQueries queries) {
        this.queries = queries;
    }

    record Counts(Instant from, Instant to, List<TaskFigures.Row> rows) {
    }

    @Operation(summary = "Tasks set, received and completed per organisation, median hours to complete, overdue now",
            description = "For analysts, supervisors and partnership administrators.")
    @GetMapping("/counts")
    Counts counts(CurrentUser user, @RequestParam Instant from, @RequestParam Instant to) {
        return new Counts(from, to, queries.counts(user, from, to));
    }
}
