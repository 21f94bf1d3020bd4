package org.casebridge.parties.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CasePartyLinked;
import org.casebridge.contracts.cases.CasePartyUnlinked;
import org.casebridge.parties.app.LocationCommands;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Places linked to and unlinked from cases: the index that says who else may change a place
 * ({@link LocationCommands#caseLinked}).
 */
@Component
class LocationLinks {

    private static final String CONSUMER = "party-service.location-links";

    private final EventHandlers events;

    LocationLinks(IdempotentConsumer consumer, LocationCommands locations) {
        this.events = new EventHandlers(consumer, CONSUMER).on(CasePartyLinked.class, locations::caseLinked)
                .on(CasePartyUnlinked.class, locations::caseUnlinked);
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
