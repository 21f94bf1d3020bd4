package org.casebridge.tasking.tasks.messaging;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.party.PersonsMerged;
import org.casebridge.platform.aggregate.OptimisticRetry;
import org.casebridge.platform.aggregate.OptimisticRetry.Round;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.tasking.tasks.domain.Task;
import org.casebridge.tasking.tasks.store.MongoTasks;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What tasking follows from other services: a case closed (its open tasks are flagged to their assignees and
 * creators, not silently cancelled), and two person records merged (tasks about the merged one follow the survivor).
 */
@Component
class TasksFollowTheirCaseAndPerson {

    private static final String CONSUMER = "tasking-service.events";

    private final MongoTasks tasks;
    private final OptimisticRetry retry;
    /** one set of handlers per topic: each topic has always been remembered as applied under its own name */
    private final Map<String, EventHandlers> byTopic;

    TasksFollowTheirCaseAndPerson(IdempotentConsumer consumer, MongoTasks tasks, Clock clock, OptimisticRetry retry) {
        this.tasks = tasks;
        this.retry = retry;
        this.byTopic = Map.of(
                Topics.CASE, new EventHandlers(consumer, CONSUMER + "." + Topics.CASE).on(CaseClosed.class,
                        closed -> tasks.openOnCase(closed.caseId()).forEach(t -> change(t.id(),
                                task -> task.caseClosed(closed.closedBy(), clock.instant())))),
                Topics.PARTY, new EventHandlers(consumer, CONSUMER + "." + Topics.PARTY).on(PersonsMerged.class,
                        merged -> tasks.aboutPerson(merged.mergedId()).forEach(t -> change(t.id(), task -> task.followMerge(
                                merged.survivorId(), merged.mergedId(), merged.mergedBy(), merged.organisation(),
                                clock.instant())))));
    }

    @KafkaListener(topics = {Topics.CASE, Topics.PARTY}, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        byTopic.get(record.topic()).handle(record);
    }

    private void change(String taskId, java.util.function.Predicate<Task> command) {
        retry.run(() -> {
            Task task = tasks.find(taskId).orElseThrow();
            long expected = task.version();
            return Round.of(!command.test(task) || tasks.update(task, expected), task);
        }, () -> {
            throw new IllegalStateException("task " + taskId + " kept changing; the event will be retried");
        });
    }
}
