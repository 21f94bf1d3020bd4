package org.casebridge.notifications.inbox.messaging;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.notifications.inbox.store.MongoInbox;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Case events that someone needs to hear about. */
@Component
class CaseEvents {

    private final IdempotentConsumer consumer;
    private final MongoInbox inbox;
    private final Clock clock;

    CaseEvents(IdempotentConsumer consumer, MongoInbox inbox, Clock clock) {
        this.consumer = consumer;
        this.inbox = inbox;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.CASE, groupId = "notification-service.cases")
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume("notification-service.cases", record, event -> {
            if (EventTypes.CASE_OPENED.type().equals(event.type())) {
                CaseOpened opened = event.data(CaseOpened.class);
                inbox.deliver(Notification.leadOfNewCase(inbox.newId(), opened, clock.instant()),
                        event.type() + "|" + event.subject() + "|" + opened.leadOfficer());
            }
        });
    }
}
