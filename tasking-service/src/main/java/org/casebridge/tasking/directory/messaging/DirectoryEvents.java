package org.casebridge.tasking.directory.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.directory.DirectoryEntryChanged;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.tasking.directory.store.MongoDirectory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps tasking-service's directory copy: every entry of the compacted directory topic, from its beginning. */
@Component
class DirectoryEvents {

    private static final String CONSUMER = "tasking-service.directory";

    private final IdempotentConsumer consumer;
    private final MongoDirectory directory;

    DirectoryEvents(IdempotentConsumer consumer, MongoDirectory directory) {
        this.consumer = consumer;
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.DIRECTORY, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (EventTypes.DIRECTORY_ENTRY_CHANGED.type().equals(event.type())) {
                directory.record(event.data(DirectoryEntryChanged.class));
            }
        });
    }
}
