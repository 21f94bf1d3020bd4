package org.casebridge.notifications.inbox.messaging;


import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.notifications.inbox.app.CaseNews;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A case shared with a partner: whoever was newly given access hears of it, once per share. */
@Component
class WhoHearsOfShares {

    private static final String CONSUMER = "notification-service.shares";

    private final EventHandlers events;

    WhoHearsOfShares(IdempotentConsumer consumer, CaseNews news) {
        this.events = new EventHandlers(consumer, CONSUMER)
                .on(CaseAccessChanged.class, (decision, event) -> news.shared(decision, Causes.of(event)));
    }

    @KafkaListener(topics = Topics.ACCESS, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
