package org.casebridge.sharing.requests.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.sharing.requests.store.MongoCaseReferences;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns each case's reference when it is opened, so access can be asked for by reference. */
@Component
class CaseReferences {

    private static final String CONSUMER = "sharing-service.case-references";

    private final IdempotentConsumer consumer;
    private final MongoCaseReferences references;

    CaseReferences(IdempotentConsumer consumer, MongoCaseReferences references) {
        this.consumer = consumer;
        this.references = references;
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (EventTypes.CASE_OPENED.type().equals(event.type())) {
                CaseOpened opened = event.data(CaseOpened.class);
                if (opened.reference() != null) {
                    references.record(opened.reference(), opened.caseId(), opened.ownerOrganisation());
                }
            }
        });
    }
}
