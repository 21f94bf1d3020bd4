package org.casebridge.platform.access;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the {@link CaseAccessProjection} equal to sharing-service's latest decision on each case. */
public class CaseAccessListener {

    private final EventHandlers events;

    public CaseAccessListener(IdempotentConsumer consumer, CaseAccessProjection projection, Clock clock, String serviceName) {
        this.events = new EventHandlers(consumer, serviceName + ".access")
                .on(CaseAccessChanged.class, decision -> projection.apply(decision, clock.instant()));
    }

    @KafkaListener(topics = Topics.ACCESS, groupId = "${spring.application.name}.access")
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
