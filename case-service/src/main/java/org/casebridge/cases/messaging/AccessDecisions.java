package org.casebridge.cases.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.cases.app.CaseCommands;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps each case's local access list equal to sharing-service's latest decision. */
@Component
class AccessDecisions {

    private final IdempotentConsumer consumer;
    private final CaseCommands cases;

    AccessDecisions(IdempotentConsumer consumer, CaseCommands cases) {
        this.consumer = consumer;
        this.cases = cases;
    }

    @KafkaListener(topics = Topics.ACCESS, groupId = "case-service.access")
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume("case-service.access", record,
                event -> cases.applyAccessDecision(event.data(CaseAccessChanged.class)));
    }
}
