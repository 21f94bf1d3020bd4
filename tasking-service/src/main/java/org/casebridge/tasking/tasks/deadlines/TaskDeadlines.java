package org.casebridge.tasking.tasks.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.casebridge.platform.aggregate.OptimisticRetry;
import org.casebridge.platform.aggregate.OptimisticRetry.Round;
import org.casebridge.tasking.tasks.domain.Task;
import org.casebridge.tasking.tasks.store.MongoTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Reminders, overdue detection and escalation, on a schedule. ShedLock (on MongoDB) lets one instance of
 * tasking-service run it at a time; even if two did, each task's version makes every reminder, overdue and escalation
 * happen once, because the loser of a concurrent write re-reads a task that has already been flagged.
 */
@Component
public class TaskDeadlines {

    private static final Logger log = LoggerFactory.getLogger(TaskDeadlines.class);
    private static final int BATCH = 1000;

    private final MongoTasks tasks;
    private final Clock clock;
    private final int remindDaysBefore;
    private final int graceDays;
    private final OptimisticRetry retry;

    TaskDeadlines(MongoTasks tasks, Clock clock, OptimisticRetry retry,
            @Value("${casebridge.tasks.deadlines.remind-days-before}") int remindDaysBefore,
            @Value("${casebridge.tasks.deadlines.escalate-after-days-overdue}") int graceDays) {
        this.tasks = tasks;
        this.clock = clock;
        this.remindDaysBefore = remindDaysBefore;
        this.graceDays = graceDays;
        this.retry = retry;
    }

    @Scheduled(fixedDelayString = "${casebridge.tasks.deadlines.every}")
    @SchedulerLock(name = "task-deadlines", lockAtMostFor = "PT10M")
    void onSchedule() {
        int changed = check(clock.instant());
        if (changed > 0) {
            log.info("Deadline rules changed {} tasks", changed);
        }
    }

    /** Applies the deadline rules as of {@code now}; returns how many tasks changed. */
    public int check(Instant now) {
        LocalDate horizon = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(remindDaysBefore);
        int changed = 0;
        for (Task candidate : tasks.openDueBy(horizon, BATCH)) {
            if (apply(candidate.id(), now)) {
                changed++;
            }
        }
        return changed;
    }

    private boolean apply(String id, Instant now) {
        return retry.run(() -> {
            Task task = tasks.find(id).orElse(null);
            if (task == null) {
                return Round.done(false);
            }
            long expected = task.version();
            if (!task.checkDeadline(now, remindDaysBefore, graceDays)) {
                return Round.done(false);
            }
            return Round.of(tasks.update(task, expected), true);
        }, () -> {
            log.warn("Task {} kept changing while its deadline was checked; the next run will retry", id);
            return false;
        });
    }
}
