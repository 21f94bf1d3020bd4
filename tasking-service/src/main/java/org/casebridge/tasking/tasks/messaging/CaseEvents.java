package org.casebridge.tasking.tasks.messaging;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.party.PersonsMerged;
import org.casebridge.platform.aggregate.OptimisticRetry;
import org.casebridge.platform.aggregate.OptimisticRetry.Round;
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
class CaseEvents {

    private static final String CONSUMER = "tasking-service.events";

    private final IdempotentConsumer consumer;
    private final MongoTasks tasks;
    private final Clock clock;
    private final OptimisticRetry retry;

    CaseEvents(IdempotentConsumer consumer, MongoTasks tasks, Clock clock, OptimisticRetry retry) {
        this.consumer = consumer;
        this.tasks = tasks;
        this.clock = clock;
        this.retry = retry;
    }

    @KafkaListener(topics = {Topics.CASE, Topics.PARTY}, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER + "." + record.topic(), record, event -> {
            if (EventTypes.CASE_CLOSED.type().equals(event.type())) {
                CaseClosed closed = event.data(CaseClosed.class);
                tasks.openOnCase(closed.caseId()).forEach(t -> change(t.id(), task -> task.caseClosed(closed.closedBy(),
                        clock.instant())));
            } else if (EventTypes.PERSONS_MERGED.type().equals(event.type())) {
                PersonsMerged merged = event.data(PersonsMerged.class);
                tasks.aboutPerson(merged.mergedId()).forEach(t -> change(t.id(), task -> task.followMerge(
                        merged.survivorId(), merged.mergedId(), merged.mergedBy(), merged.organisation(), clock.instant())));
            }
        });
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
