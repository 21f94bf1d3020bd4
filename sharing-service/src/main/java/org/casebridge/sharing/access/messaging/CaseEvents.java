package org.casebridge.sharing.access.messaging;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.casebridge.sharing.access.store.MongoCaseAccess;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A newly opened case gets its initial effective access (the owner organisation alone); a transferred case is
 * re-granted to its new owner.
 */
@Component
class CaseEvents {

    private final IdempotentConsumer consumer;
    private final MongoCaseAccess access;
    private final Clock clock;

    CaseEvents(IdempotentConsumer consumer, MongoCaseAccess access, Clock clock) {
        this.consumer = consumer;
        this.access = access;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.CASE, groupId = "sharing-service.cases")
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume("sharing-service.cases", record, event -> {
            if (EventTypes.CASE_OPENED.type().equals(event.type())) {
                CaseOpened opened = event.data(CaseOpened.class);
                access.insert(CaseAccess.forOpenedCase(opened.caseId(), opened.caseType(), opened.ownerOrganisation(),
                        opened.restricted(), clock.instant()));
            } else if (EventTypes.CASE_TRANSFERRED.type().equals(event.type())) {
                transfer(event.data(CaseTransferred.class));
            }
        });
    }

    private void transfer(CaseTransferred transferred) {
        access.change(transferred.caseId(), current -> {
            current.transferTo(transferred.toOrganisation(), clock.instant());
            return null;
        });
    }
}
