package org.casebridge.sharing.audit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.audit.AuditRecorded;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.sharing.audit.app.AuditTrails;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every service's audit records land in sharing-service's audit store. */
@Component
class AuditEvents {

    private final IdempotentConsumer consumer;
    private final AuditTrails trails;

    AuditEvents(IdempotentConsumer consumer, AuditTrails trails) {
        this.consumer = consumer;
        this.trails = trails;
    }

    @KafkaListener(topics = Topics.AUDIT, groupId = "sharing-service.audit")
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume("sharing-service.audit", record, event -> trails.keep(event.data(AuditRecorded.class)));
    }
}
