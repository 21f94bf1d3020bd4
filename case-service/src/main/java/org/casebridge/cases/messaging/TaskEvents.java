package org.casebridge.cases.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.cases.app.CaseCommands;
import org.casebridge.cases.domain.Actor;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.task.TaskCompleted;
import org.casebridge.contracts.task.TaskDeclined;
import org.casebridge.contracts.task.TaskSummary;
import org.casebridge.contracts.task.TaskUpdated;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Partners' work on a case's tasks goes on the case log, so whoever reads the case sees it without opening the tasks:
 * progress updates, outcomes of completed tasks, and tasks declined.
 */
@Component
class TaskEvents {

    private static final String CONSUMER = "case-service.tasks";

    private final IdempotentConsumer consumer;
    private final CaseCommands cases;

    TaskEvents(IdempotentConsumer consumer, CaseCommands cases) {
        this.consumer = consumer;
        this.cases = cases;
    }

    @KafkaListener(topics = Topics.TASK, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            // an entry id made from the event's: a redelivered event finds its entry already there
            String entryId = event.id().replace("-", "").substring(0, 24);
            if (EventTypes.TASK_UPDATED.type().equals(event.type())) {
                TaskUpdated u = event.data(TaskUpdated.class);
                log(u.task(), entryId, "Task \"" + u.task().title() + "\", update: " + u.text(), u.by(), u.organisation());
            } else if (EventTypes.TASK_COMPLETED.type().equals(event.type())) {
                TaskCompleted c = event.data(TaskCompleted.class);
                log(c.task(), entryId, "Task \"" + c.task().title() + "\" done: " + c.outcome(), c.by(), c.organisation());
            } else if (EventTypes.TASK_DECLINED.type().equals(event.type())) {
                TaskDeclined d = event.data(TaskDeclined.class);
                log(d.task(), entryId, "Task \"" + d.task().title() + "\" declined: " + d.reason(), d.by(), d.organisation());
            }
        });
    }

    private void log(TaskSummary task, String entryId, String text, String by, String organisation) {
        if (task.caseId() == null) {
            return;
        }
        cases.logPartnerUpdate(task.caseId(), entryId, new Actor(by, organisation), text);
    }
}
