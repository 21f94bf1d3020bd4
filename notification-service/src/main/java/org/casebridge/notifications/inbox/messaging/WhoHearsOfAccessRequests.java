package org.casebridge.notifications.inbox.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.sharing.AccessRequestDecided;
import org.casebridge.contracts.sharing.AccessRequested;
import org.casebridge.notifications.inbox.app.CaseNews;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Access requests: the owner's supervisors hear of a new one, the requester of the answer. sharing-service, which
 * decides who may see what, addressed these, so they are delivered as decided.
 */
@Component
class WhoHearsOfAccessRequests {

    private static final String CONSUMER = "notification-service.sharing";

    private final EventHandlers events;

    WhoHearsOfAccessRequests(IdempotentConsumer consumer, CaseNews news) {
        this.events = new EventHandlers(consumer, CONSUMER)
                .on(AccessRequested.class, (requested, event) -> news.accessRequested(requested, Causes.of(event)))
                .on(AccessRequestDecided.class, (decided, event) -> news.accessRequestDecided(decided, Causes.of(event)));
    }

    @KafkaListener(topics = Topics.SHARING, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
