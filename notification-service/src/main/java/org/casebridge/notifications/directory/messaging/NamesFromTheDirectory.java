package org.casebridge.notifications.directory.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.directory.DirectoryEntryChanged;
import org.casebridge.notifications.directory.store.MongoPeople;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns practitioners' names from the directory topic, from its beginning. */
@Component
class NamesFromTheDirectory {

    private static final String CONSUMER = "notification-service.directory";

    private final EventHandlers events;

    NamesFromTheDirectory(IdempotentConsumer consumer, MongoPeople people) {
        this.events = new EventHandlers(consumer, CONSUMER).on(DirectoryEntryChanged.class, people::record);
    }

    @KafkaListener(topics = Topics.DIRECTORY, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
