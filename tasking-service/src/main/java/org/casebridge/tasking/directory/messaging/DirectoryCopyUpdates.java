package org.casebridge.tasking.directory.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.directory.DirectoryEntryChanged;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.tasking.directory.store.MongoDirectory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps tasking-service's directory copy: every entry of the compacted directory topic, from its beginning. */
@Component
class DirectoryCopyUpdates {

    private static final String CONSUMER = "tasking-service.directory";

    private final EventHandlers events;

    DirectoryCopyUpdates(IdempotentConsumer consumer, MongoDirectory directory) {
        this.events = new EventHandlers(consumer, CONSUMER).on(DirectoryEntryChanged.class, directory::record);
    }

    @KafkaListener(topics = Topics.DIRECTORY, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
