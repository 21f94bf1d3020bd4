package org.casebridge.tasking.tasks.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.tasking.tasks.domain.TaskFigures;
import org.casebridge.tasking.tasks.store.MongoTasks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Tasking figures for the partnership's meetings: counts and times only, never a person, a case or a task. */
@RestController
@RequestMapping("/api/v1/tasks/reports")
class TaskReportController {

    private static final Set<String> MAY_COUNT = Set.of("ANALYST", "PARTNERSHIP_ADMIN", "SUPERVISOR");

    private final MongoTasks tasks;
    private final Clock clock;

    TaskReportController(MongoTasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    record Counts(Instant from, Instant to, List<TaskFigures.Row> rows) {
    }

    @Operation(summary = "Tasks set, received and completed per organisation, median hours to complete, overdue now",
            description = "For analysts, supervisors and partnership administrators.")
    @GetMapping("/counts")
    Counts counts(CurrentUser user, @RequestParam Instant from, @RequestParam Instant to) {
        if (user.roles().stream().noneMatch(MAY_COUNT::contains)) {
            throw DomainException.forbidden("Tasking figures are for analysts, supervisors and partnership administrators.");
        }
        if (!from.isBefore(to)) {
            throw DomainException.invalid("'from' must be before 'to'.");
        }
        return new Counts(from, to, TaskFigures.count(tasks.setBetween(from, to), tasks.completedBetween(from, to),
                tasks.allOpen(), clock.instant()));
    }
}
