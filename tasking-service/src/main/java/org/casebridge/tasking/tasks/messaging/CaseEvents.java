package org.casebridge.tasking.tasks.messaging;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.tasking.tasks.domain.Task;
import org.casebridge.tasking.tasks.store.MongoTasks;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A case closed: its open tasks are flagged to their assignees and creators, not silently cancelled. */
@Component
class CaseEvents {

    private static final String CONSUMER = "tasking-service.cases";
    private static final int ATTEMPTS = 10;

    private final IdempotentConsumer consumer;
    private final MongoTasks tasks;
    private final Clock clock;

    CaseEvents(IdempotentConsumer consumer, MongoTasks tasks, Clock clock) {
        this.consumer = consumer;
        this.tasks = tasks;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (EventTypes.CASE_CLOSED.type().equals(event.type())) {
                CaseClosed closed = event.data(CaseClosed.class);
                tasks.openOnCase(closed.caseId()).forEach(t -> flag(t.id(), closed.closedBy()));
            }
        });
    }

    private void flag(String taskId, String closedBy) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Task task = tasks.find(taskId).orElseThrow();
            long expected = task.version();
            if (!task.caseClosed(closedBy, clock.instant()) || tasks.update(task, expected)) {
                return;
            }
        }
        throw new IllegalStateException("task " + taskId + " kept changing while its case closed; will be retried");
    }
}
