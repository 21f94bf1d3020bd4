package org.casebridge.sharing.access.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.sharing.access.app.CaseAccessCommands;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A newly opened case gets its initial effective access (the owner organisation alone); a transferred case is
 * re-granted to its new owner.
 */
@Component
class AccessFollowsOwnership {

    private static final String CONSUMER = "sharing-service.cases";

    private final EventHandlers events;

    AccessFollowsOwnership(IdempotentConsumer consumer, CaseAccessCommands commands) {
        this.events = new EventHandlers(consumer, CONSUMER).on(CaseOpened.class, commands::opened)
                .on(CaseTransferred.class, commands::transferred);
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
