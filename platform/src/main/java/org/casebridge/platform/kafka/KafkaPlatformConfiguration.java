package org.casebridge.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.casebridge.contracts.Topics;
import org.casebridge.platform.domain.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;

/**
 * Kafka the CaseBridge way: CloudEvents in binary mode from an idempotent, acks=all producer; listeners get the
 * raw record (bytes plus ce_* headers) so a poison message reaches {@code <topic>.dlt} byte for byte after
 * bounded retries.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableKafka
public class KafkaPlatformConfiguration {

    @Bean
    KafkaTemplate<String, CloudEvent> cloudEventKafkaTemplate(KafkaProperties properties) {
        Map<String, Object> config = producerConfig(properties);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    KafkaTemplate<String, byte[]> deadLetterKafkaTemplate(KafkaProperties properties) {
        Map<String, Object> config = producerConfig(properties);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /**
     * A failing record is retried with growing pauses (by default about 24 s in all), and for as long as it takes
     * while MongoDB cannot be reached or what the record depends on has not arrived yet ({@link NotYetKnown}), so an
     * outage or a late decision never sends good events to the dead-letter topic; a record that can never be applied (unreadable
     * JSON, a rule refusing it) goes to {@code <topic>.dlt} at once.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> deadLetterKafkaTemplate,
            @Value("${casebridge.kafka.retry-attempts:6}") int attempts,
            @Value("${casebridge.kafka.retry-interval-ms:500}") long intervalMs) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterKafkaTemplate,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(attempts);
        backOff.setInitialInterval(intervalMs);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(intervalMs * 16);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // a good event is never dead-lettered because the database is away: wait for it, however long it takes
        // nor because what it depends on is late (NotYetKnown): wait for that too
        handler.setBackOffFunction((record, exception) -> StoreAway.isCauseOf(exception) || NotYetKnown.isCauseOf(exception)
                ? StoreAway.untilItReturns(intervalMs) : null);
        handler.addNotRetryableExceptions(tools.jackson.core.JacksonException.class, DomainException.class,
                io.cloudevents.rw.CloudEventRWException.class);
        return handler;
    }

    /**
     * Every topic of the contracts exists with the right policy before anyone subscribes: the access and directory
     * topics are compacted, so the latest record per key is kept for ever.
     */
    @Bean
    KafkaAdmin.NewTopics casebridgeTopics(@Value("${casebridge.kafka.partitions:3}") int partitions) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.CASE).partitions(partitions).build(),
                TopicBuilder.name(Topics.PARTY).partitions(partitions).build(),
                TopicBuilder.name(Topics.TASK).partitions(partitions).build(),
                TopicBuilder.name(Topics.AUDIT).partitions(partitions).build(),
                TopicBuilder.name(Topics.NOTIFICATION).partitions(partitions).build(),
                TopicBuilder.name(Topics.SHARING).partitions(partitions).build(),
                TopicBuilder.name(Topics.ACCESS).partitions(partitions).compact().build(),
                TopicBuilder.name(Topics.DIRECTORY).partitions(1).compact().build());
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(KafkaProperties properties,
            DefaultErrorHandler kafkaErrorHandler) {
        Map<String, Object> config = new HashMap<>(properties.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        factory.setCommonErrorHandler(kafkaErrorHandler);
        // a broker with ACLs may refuse a listener (a grant not yet applied, or withdrawn and given back): keep asking
        // rather than stop the container for good, which would leave the service up and deaf
        factory.getContainerProperties().setAuthExceptionRetryInterval(java.time.Duration.ofSeconds(10));
        return factory;
    }

    private static Map<String, Object> producerConfig(KafkaProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // fail fast while the broker is away: the outbox keeps the event and the relay tries again
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }
}
