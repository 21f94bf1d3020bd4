package org.casebridge.notifications.inbox.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.task.TaskAssigned;
import org.casebridge.contracts.task.TaskCaseClosed;
import org.casebridge.contracts.task.TaskCreated;
import org.casebridge.contracts.task.TaskDueSoon;
import org.casebridge.contracts.task.TaskEscalated;
import org.casebridge.contracts.task.TaskOverdue;
import org.casebridge.notifications.inbox.app.Deliveries;
import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.notifications.inbox.domain.WhoHears;
import org.casebridge.platform.directory.DirectoryCopy;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.platform.kafka.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Tasks set to me or my team, due, overdue, escalated, or left open on a closed case. */
@Component
class WhoHearsOfTasks {

    private static final String CONSUMER = "notification-service.tasks";

    private final Deliveries deliveries;
    private final EventHandlers events;

    WhoHearsOfTasks(IdempotentConsumer consumer, Deliveries deliveries, DirectoryCopy people) {
        this.deliveries = deliveries;
        this.events = new EventHandlers(consumer, CONSUMER)
                .on(TaskCreated.class, (created, event) -> deliver(
                        WhoHears.taskAssigned(created.task(), created.by(), people.nameOf(created.by())), event))
                .on(TaskAssigned.class, (assigned, event) -> deliver(
                        WhoHears.taskAssigned(assigned.task(), assigned.by(), people.nameOf(assigned.by())), event))
                .on(TaskDueSoon.class, (due, event) -> deliver(WhoHears.taskDueSoon(due.task()), event))
                .on(TaskOverdue.class, (overdue, event) -> deliver(WhoHears.taskOverdue(overdue.task()), event))
                .on(TaskEscalated.class, (escalated, event) -> deliver(
                        WhoHears.taskEscalated(escalated.task(), escalated.daysOverdue()), event))
                .on(TaskCaseClosed.class, (closed, event) -> deliver(WhoHears.taskCaseClosed(closed.task()), event));
    }

    @KafkaListener(topics = Topics.TASK, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }

    private void deliver(List<Notification.Draft> drafts, IncomingEvent event) {
        deliveries.deliver(drafts, Causes.of(event));
    }
}
