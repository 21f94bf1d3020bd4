package org.casebridge.notifications.inbox.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.party.DuplicateSuspected;
import org.casebridge.contracts.party.RepeatPresentationFlagged;
import org.casebridge.notifications.inbox.app.CaseNews;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A person flagged for repeat presentation (the lead officers of their cases hear of it), and a suspected duplicate
 * person (the organisations holding the records are asked to review it).
 */
@Component
class WhoHearsOfPeople {

    private static final String CONSUMER = "notification-service.parties";

    private final EventHandlers events;

    WhoHearsOfPeople(IdempotentConsumer consumer, CaseNews news) {
        this.events = new EventHandlers(consumer, CONSUMER)
                .on(RepeatPresentationFlagged.class, (flag, event) -> news.repeatPresentation(flag,
                        event.type() + "|" + event.id()))
                .on(DuplicateSuspected.class, (suspected, event) -> news.duplicateSuspected(suspected,
                        event.type() + "|" + event.subject()));
    }

    @KafkaListener(topics = Topics.PARTY, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
