package org.casebridge.cases.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.cases.app.CaseCommands;
import org.casebridge.cases.app.KnownLocations;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.party.LocationRegistered;
import org.casebridge.contracts.party.LocationUpdated;
import org.casebridge.contracts.party.PersonsMerged;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What case-service follows from party-service: two person records merged, so every case linked to the merged one
 * follows the survivor; and the postcode of every location, so cases can be found by area.
 */
@Component
class CasesFollowPeopleAndPlaces {

    private static final String CONSUMER = "case-service.parties";

    private final EventHandlers events;

    CasesFollowPeopleAndPlaces(IdempotentConsumer consumer, CaseCommands cases, KnownLocations locations) {
        this.events = new EventHandlers(consumer, CONSUMER)
                .on(PersonsMerged.class, cases::followMerge)
                .on(LocationRegistered.class, locations::registered)
                .on(LocationUpdated.class, locations::updated);
    }

    @KafkaListener(topics = Topics.PARTY, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
