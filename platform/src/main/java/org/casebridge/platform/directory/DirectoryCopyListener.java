package org.casebridge.platform.directory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.directory.DirectoryEntryChanged;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps the {@link DirectoryCopy}: every entry of the compacted directory topic, read from its beginning by the consumer
 * group {@code <service>.directory-copy}.
 */
public class DirectoryCopyListener {

    private final EventHandlers events;

    public DirectoryCopyListener(IdempotentConsumer consumer, DirectoryCopy copy, String serviceName) {
        this.events = new EventHandlers(consumer, serviceName + ".directory-copy")
                .on(DirectoryEntryChanged.class, copy::record);
    }

    @KafkaListener(topics = Topics.DIRECTORY, groupId = "${spring.application.name}.directory-copy")
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
