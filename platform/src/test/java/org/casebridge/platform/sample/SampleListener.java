package org.casebridge.platform.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies case events once each; a case titled "poison" cannot be applied. */
@Component
public class SampleListener {

    private final List<String> applied = new CopyOnWriteArrayList<>();

    public List<String> applied() {
        return applied;
    }
    private final EventHandlers events;

    SampleListener(IdempotentConsumer consumer) {
        this.events = new EventHandlers(consumer, "sample-listener").on(CaseOpened.class, (opened, event) -> {
            if (opened.title().equals("poison")) {
                throw new IllegalStateException("cannot apply a poison case");
            }
            applied.add(event.subject() + "@" + event.sequence());
        });
    }

    @KafkaListener(topics = Topics.CASE, groupId = "sample-listener")
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
