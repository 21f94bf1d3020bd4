package org.casebridge.notifications.inbox.messaging;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseReviewThresholdMet;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.notifications.inbox.store.MongoInbox;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Case events that someone needs to hear about: a new case to lead, an ASB Case Review due, a case transferred to them. */
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
            String cause = event.type() + "|" + event.subject() + "|" + event.sequence();
            if (EventTypes.CASE_OPENED.type().equals(event.type())) {
                inbox.deliver(Notification.leadOfNewCase(inbox.newId(), event.data(CaseOpened.class), clock.instant()), cause);
            } else if (EventTypes.CASE_REVIEW_THRESHOLD_MET.type().equals(event.type())) {
                inbox.deliver(Notification.caseReviewDue(inbox.newId(), event.data(CaseReviewThresholdMet.class),
                        clock.instant()), cause);
            } else if (EventTypes.CASE_TRANSFERRED.type().equals(event.type())) {
                inbox.deliver(Notification.transferredTo(inbox.newId(), event.data(CaseTransferred.class), clock.instant()),
                        cause);
            }
        });
    }
}
