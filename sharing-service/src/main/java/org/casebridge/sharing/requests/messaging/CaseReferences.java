package org.casebridge.sharing.requests.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.sharing.requests.app.CaseReferenceMatching;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns each case's reference when it is opened (see {@link CaseReferenceMatching}). */
@Component
class CaseReferences {

    private static final String CONSUMER = "sharing-service.case-references";

    private final EventHandlers events;

    CaseReferences(IdempotentConsumer consumer, CaseReferenceMatching matching) {
        this.events = new EventHandlers(consumer, CONSUMER).on(CaseOpened.class, matching::opened);
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
