package org.casebridge.tasking.tasks.deadlines;

import java.time.Clock;
import java.time.Instant;

import org.casebridge.tasking.tasks.app.TaskCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Reminders, overdue detection and escalation, on a schedule. ShedLock (on MongoDB) lets one instance of
 * tasking-service run it at a time; even if two did, each task's version makes every reminder, overdue and escalation
 * happen once, because the loser of a concurrent write re-reads a task that has already been flagged. The rules are
 * {@link org.casebridge.tasking.tasks.domain.Task#checkDeadline}'s, applied by {@link TaskCommands#checkDeadlines}.
 */
@Component
public class TaskDeadlines {

    private static final Logger log = LoggerFactory.getLogger(TaskDeadlines.class);
    private static final int BATCH = 1000;

    private final TaskCommands commands;
    private final Clock clock;
    private final int remindDaysBefore;
    private final int graceDays;

    TaskDeadlines(TaskCommands commands, Clock clock,
            @Value("${casebridge.tasks.deadlines.remind-days-before}") int remindDaysBefore,
            @Value("${casebridge.tasks.deadlines.escalate-after-days-overdue}") int graceDays) {
        this.commands = commands;
        this.clock = clock;
        this.remindDaysBefore = remindDaysBefore;
        this.graceDays = graceDays;
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
        return commands.checkDeadlines(now, remindDaysBefore, graceDays, BATCH);
    }
}
