package org.casebridge.notifications.directory.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.directory.DirectoryEntryChanged;
import org.casebridge.notifications.directory.store.MongoPeople;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns practitioners' names from the directory topic, from its beginning. */
@Component
class DirectoryListener {

    private static final String CONSUMER = "notification-service.directory";

    private final IdempotentConsumer consumer;
    private final MongoPeople people;

    DirectoryListener(IdempotentConsumer consumer, MongoPeople people) {
        this.consumer = consumer;
        this.people = people;
    }

    @KafkaListener(topics = Topics.DIRECTORY, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (EventTypes.DIRECTORY_ENTRY_CHANGED.type().equals(event.type())) {
                people.record(event.data(DirectoryEntryChanged.class));
            }
        });
    }
}
