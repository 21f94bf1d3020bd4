package org.casebridge.cases.messaging;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.cases.domain.Actor;
import org.casebridge.cases.store.MongoCases;
import org.casebridge.cases.store.MongoKnownLocations;
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
    private final MongoCases cases;
    private final MongoKnownLocations locations;
    private final Clock clock;

    PartyEvents(IdempotentConsumer consumer, MongoCases cases, MongoKnownLocations locations, Clock clock) {
        this.consumer = consumer;
        this.cases = cases;
        this.locations = locations;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PARTY, groupId = "case-service.parties")
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume("case-service.parties", record, event -> {
            if (EventTypes.PERSONS_MERGED.type().equals(event.type())) {
                PersonsMerged merged = event.data(PersonsMerged.class);
                cases.linkedTo(merged.mergedId()).forEach(caseId -> follow(caseId, merged));
            } else if (EventTypes.LOCATION_REGISTERED.type().equals(event.type())) {
                locations.remember(event.data(LocationRegistered.class));
            } else if (EventTypes.LOCATION_UPDATED.type().equals(event.type())) {
                locations.remember(event.data(LocationUpdated.class));
            }
        });
    }

    private void follow(String caseId, PersonsMerged merged) {
        cases.change(caseId, c -> c.followMerge(merged.survivorId(), merged.mergedId(),
                new Actor(merged.mergedBy(), merged.organisation()), clock.instant()));
    }

}
