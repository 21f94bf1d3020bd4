package org.casebridge.cases.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.cases.app.CaseCommands;
import org.casebridge.cases.domain.Actor;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.task.TaskCompleted;
import org.casebridge.contracts.task.TaskDeclined;
import org.casebridge.contracts.task.TaskSummary;
import org.casebridge.contracts.task.TaskUpdated;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.platform.kafka.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Partners' work on a case's tasks goes on the case log, so whoever reads the case sees it without opening the tasks:
 * progress updates, outcomes of completed tasks, and tasks declined.
 */
@Component
class TaskWorkOnTheCaseLog {

    private static final String CONSUMER = "case-service.tasks";

    private final CaseCommands cases;
    private final EventHandlers events;

    TaskWorkOnTheCaseLog(IdempotentConsumer consumer, CaseCommands cases) {
        this.cases = cases;
        this.events = new EventHandlers(consumer, CONSUMER)
                .on(TaskUpdated.class, (u, event) -> log(u.task(), entryId(event),
                        "Task \"" + u.task().title() + "\", update: " + u.text(), u.by(), u.organisation()))
                .on(TaskCompleted.class, (c, event) -> log(c.task(), entryId(event),
                        "Task \"" + c.task().title() + "\" done: " + c.outcome(), c.by(), c.organisation()))
                .on(TaskDeclined.class, (d, event) -> log(d.task(), entryId(event),
                        "Task \"" + d.task().title() + "\" declined: " + d.reason(), d.by(), d.organisation()));
    }

    @KafkaListener(topics = Topics.TASK, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }

    /** An entry id made from the event's: a redelivered event finds its entry already there. */
    private static String entryId(IncomingEvent event) {
        return event.id().replace("-", "").substring(0, 24);
    }

    private void log(TaskSummary task, String entryId, String text, String by, String organisation) {
        if (task.caseId() == null) {
            return;
        }
        cases.logPartnerUpdate(task.caseId(), entryId, new Actor(by, organisation), text);
    }
}
