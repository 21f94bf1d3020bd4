package org.casebridge.sharing.access.messaging;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.platform.kafka.EventHandlers;
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
class AccessFollowsOwnership {

    private static final String CONSUMER = "sharing-service.cases";

    private final MongoCaseAccess access;
    private final Clock clock;
    private final EventHandlers events;

    AccessFollowsOwnership(IdempotentConsumer consumer, MongoCaseAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
        this.events = new EventHandlers(consumer, CONSUMER).on(CaseOpened.class, this::opened)
                .on(CaseTransferred.class, this::transfer);
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }

    private void opened(CaseOpened opened) {
        access.insert(CaseAccess.forOpenedCase(opened.caseId(), opened.caseType(), opened.ownerOrganisation(),
                opened.restricted(), clock.instant()));
    }

    private void transfer(CaseTransferred transferred) {
        access.change(transferred.caseId(), current -> {
            current.transferTo(transferred.toOrganisation(), clock.instant());
            return null;
        });
    }
}
