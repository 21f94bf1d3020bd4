package org.casebridge.notifications.inbox.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.task.TaskAssigned;
import org.casebridge.contracts.task.TaskCaseClosed;
import org.casebridge.contracts.task.TaskCreated;
import org.casebridge.contracts.task.TaskDueSoon;
import org.casebridge.contracts.task.TaskEscalated;
import org.casebridge.contracts.task.TaskOverdue;
import org.casebridge.notifications.directory.store.MongoPeople;
import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.notifications.inbox.domain.WhoHears;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Tasks set to me or my team, due, overdue, escalated, or left open on a closed case. */
@Component
class TaskEvents {

    private static final String CONSUMER = "notification-service.tasks";

    private final IdempotentConsumer consumer;
    private final Deliveries deliveries;
    private final MongoPeople people;

    TaskEvents(IdempotentConsumer consumer, Deliveries deliveries, MongoPeople people) {
        this.consumer = consumer;
        this.deliveries = deliveries;
        this.people = people;
    }

    @KafkaListener(topics = Topics.TASK, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            String type = event.type();
            List<Notification.Draft> drafts = List.of();
            if (EventTypes.TASK_CREATED.type().equals(type)) {
                TaskCreated created = event.data(TaskCreated.class);
                drafts = WhoHears.taskAssigned(created.task(), created.by(), people.nameOf(created.by()));
            } else if (EventTypes.TASK_ASSIGNED.type().equals(type)) {
                TaskAssigned assigned = event.data(TaskAssigned.class);
                drafts = WhoHears.taskAssigned(assigned.task(), assigned.by(), people.nameOf(assigned.by()));
            } else if (EventTypes.TASK_DUE_SOON.type().equals(type)) {
                drafts = WhoHears.taskDueSoon(event.data(TaskDueSoon.class).task());
            } else if (EventTypes.TASK_OVERDUE.type().equals(type)) {
                drafts = WhoHears.taskOverdue(event.data(TaskOverdue.class).task());
            } else if (EventTypes.TASK_ESCALATED.type().equals(type)) {
                TaskEscalated escalated = event.data(TaskEscalated.class);
                drafts = WhoHears.taskEscalated(escalated.task(), escalated.daysOverdue());
            } else if (EventTypes.TASK_CASE_CLOSED.type().equals(type)) {
                drafts = WhoHears.taskCaseClosed(event.data(TaskCaseClosed.class).task());
            }
            deliveries.deliver(drafts, type + "|" + event.subject() + "|" + event.sequence());
        });
    }
}
