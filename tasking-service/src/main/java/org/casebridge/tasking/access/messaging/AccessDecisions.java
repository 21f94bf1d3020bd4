package org.casebridge.tasking.access.messaging;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.tasking.access.store.MongoCaseAccess;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the local projection of each case's access equal to sharing-service's latest decision. */
@Component
class AccessDecisions {

    private final IdempotentConsumer consumer;
    private final MongoCaseAccess caseAccess;
    private final Clock clock;

    AccessDecisions(IdempotentConsumer consumer, MongoCaseAccess caseAccess, Clock clock) {
        this.consumer = consumer;
        this.caseAccess = caseAccess;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.ACCESS, groupId = "tasking-service.access")
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume("tasking-service.access", record,
                event -> caseAccess.apply(event.data(CaseAccessChanged.class), clock.instant()));
    }
}
