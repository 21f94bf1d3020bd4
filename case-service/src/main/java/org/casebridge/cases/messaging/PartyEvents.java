package org.casebridge.cases.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.cases.app.CaseCommands;
import org.casebridge.cases.app.KnownLocations;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.party.LocationRegistered;
import org.casebridge.contracts.party.LocationUpdated;
import org.casebridge.contracts.party.PersonsMerged;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What case-service follows from party-service: two person records merged, so every case linked to the merged one
 * follows the survivor; and the postcode of every location, so cases can be found by area.
 */
@Component
class PartyEvents {

    private final IdempotentConsumer consumer;
    private final CaseCommands cases;
    private final KnownLocations locations;

    PartyEvents(IdempotentConsumer consumer, CaseCommands cases, KnownLocations locations) {
        this.consumer = consumer;
        this.cases = cases;
        this.locations = locations;
    }

    @KafkaListener(topics = Topics.PARTY, groupId = "case-service.parties")
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume("case-service.parties", record, event -> {
            if (EventTypes.PERSONS_MERGED.type().equals(event.type())) {
                cases.followMerge(event.data(PersonsMerged.class));
            } else if (EventTypes.LOCATION_REGISTERED.type().equals(event.type())) {
                locations.registered(event.data(LocationRegistered.class));
            } else if (EventTypes.LOCATION_UPDATED.type().equals(event.type())) {
                locations.updated(event.data(LocationUpdated.class));
            }
        });
    }
}
