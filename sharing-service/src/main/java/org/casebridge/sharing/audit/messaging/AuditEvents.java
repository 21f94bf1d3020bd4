package org.casebridge.sharing.audit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.audit.AuditRecorded;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.sharing.audit.store.MongoAuditRecords;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every service's audit records land in sharing-service's audit store. */
@Component
class AuditEvents {

    private final IdempotentConsumer consumer;
    private final MongoAuditRecords records;

    AuditEvents(IdempotentConsumer consumer, MongoAuditRecords records) {
        this.consumer = consumer;
        this.records = records;
    }

    @KafkaListener(topics = Topics.AUDIT, groupId = "sharing-service.audit")
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume("sharing-service.audit", record, event -> records.append(event.data(AuditRecorded.class)));
    }
}
