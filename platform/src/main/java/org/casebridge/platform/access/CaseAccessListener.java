package org.casebridge.platform.access;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the {@link CaseAccessProjection} equal to sharing-service's latest decision on each case. */
public class CaseAccessListener {

    private final IdempotentConsumer consumer;
    private final CaseAccessProjection projection;
    private final Clock clock;
    private final String consumerName;

    public CaseAccessListener(IdempotentConsumer consumer, CaseAccessProjection projection, Clock clock, String serviceName) {
        this.consumer = consumer;
        this.consumerName = serviceName + ".access";
        this.projection = projection;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.ACCESS, groupId = "${spring.application.name}.access")
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(consumerName, record,
                event -> projection.apply(event.data(CaseAccessChanged.class), clock.instant()));
    }
}
