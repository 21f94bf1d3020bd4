package org.casebridge.sharing.requests.messaging;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.sharing.requests.domain.AccessRequest;
import org.casebridge.sharing.requests.store.MongoAccessRequests;
import org.casebridge.sharing.requests.store.MongoCaseReferences;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns each case's reference when it is opened, so access can be asked for by reference; a request that named the
 * reference before it was learnt is matched to the case then (see {@link AccessRequest#matchReference}).
 */
@Component
class CaseReferences {

    private static final String CONSUMER = "sharing-service.case-references";

    private final IdempotentConsumer consumer;
    private final MongoCaseReferences references;
    private final MongoAccessRequests requests;
    private final Clock clock;

    CaseReferences(IdempotentConsumer consumer, MongoCaseReferences references, MongoAccessRequests requests, Clock clock) {
        this.consumer = consumer;
        this.references = references;
        this.requests = requests;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (EventTypes.CASE_OPENED.type().equals(event.type())) {
                CaseOpened opened = event.data(CaseOpened.class);
                if (opened.reference() != null) {
                    references.record(opened.reference(), opened.caseId(), opened.ownerOrganisation());
                    for (AccessRequest waiting : requests.unmatched(opened.reference())) {
                        long expected = waiting.version();
                        if (waiting.matchReference(opened.caseId(), opened.caseType(), opened.ownerOrganisation(),
                                clock.instant())) {
                            requests.update(waiting, expected); // lost to a concurrent answer: nothing to match
                        }
                    }
                }
            }
        });
    }
}
