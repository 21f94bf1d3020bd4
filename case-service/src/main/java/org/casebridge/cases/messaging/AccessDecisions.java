package org.casebridge.cases.messaging;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.cases.store.MongoCases;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps each case's local access list equal to sharing-service's latest decision. */
@Component
class AccessDecisions {

    private final IdempotentConsumer consumer;
    private final MongoCases cases;
    private final Clock clock;

    AccessDecisions(IdempotentConsumer consumer, MongoCases cases, Clock clock) {
        this.consumer = consumer;
        this.cases = cases;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.ACCESS, groupId = "case-service.access")
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume("case-service.access", record,
                event -> cases.applyAccess(event.data(CaseAccessChanged.class), clock.instant()));
    }
}
