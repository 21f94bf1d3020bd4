package org.casebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.events.OutboxRelay;
import org.casebridge.platform.events.PendingOutboxes;
import org.casebridge.platform.sample.SampleCase;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.RealInfrastructureExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoClients;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka is down while cases are opened: the writes succeed, their events wait in the outbox, and when the broker
 * answers again on the configured address the relay publishes every one of them. The relay's producer is pointed
 * at an address where nothing listens until the test opens a {@link BrokerDoor} there to the shared broker.
 */
@RealInfrastructure
class OutboxWhileKafkaIsDownIT {

    private BrokerDoor door;
    private KafkaTemplate<String, CloudEvent> template;

    @AfterEach
    void stop() throws IOException {
        if (template != null) {
            template.destroy();
        }
        if (door != null) {
            door.close();
        }
    }

    @Test
    void noEventIsLostWhileTheBrokerIsAway() throws Exception {
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(RealInfrastructureExtension.infrastructure().mongoUri()),
                "kafka_down_" + UUID.randomUUID().toString().substring(0, 8));
        int port = freePort();
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000)));
        PendingOutboxes pending = new PendingOutboxes();
        OutboxRelay relay = new OutboxRelay(mongo, template, List.of("samples"), "case-service", Duration.ofSeconds(3), 100,
                pending, Duration.ofSeconds(5));
        AggregateStore store = new AggregateStore(mongo, pending);
        OutboxEvents events = new OutboxEvents(JsonMapper.builder().build(), Clock.systemUTC());

        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            SampleCase sample = new SampleCase();
            sample.id = UUID.randomUUID().toString();
            sample.version = 1;
            sample.title = "Case opened while Kafka is down " + i;
            sample.outbox.add(events.of(sample.id, 1L, new CaseOpened(sample.id, "ASB-2026-%06d".formatted(i + 1),
                    "ASB_PERSONAL", false, sample.title, "OPEN", "STOCKTON_CST", "jo.smith", null, "jo.smith", java.time.Instant.now())));
            store.insert(sample, "samples");
            opened.add(sample.id);
        }

        assertThat(relay.relayOnce()).isZero();
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("outbox.0").exists(true)), "samples")).isEqualTo(20);

        // the broker comes back: its address answers again
        door = new BrokerDoor(port, RealInfrastructureExtension.infrastructure().kafkaBootstrapServers());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            relay.relayOnce();
            assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                    org.springframework.data.mongodb.core.query.Criteria.where("outbox.0").exists(true)), "samples")).isZero();
        });

        Set<String> received = ConcurrentHashMap.newKeySet();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructureExtension.infrastructure().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "kafka-down-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.CASE));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.key()));
                assertThat(received).containsAll(opened);
            });
        }
        assertThat(mongo.findAll(Document.class, "samples")).hasSize(20);
    }

    /**
     * What a command just recorded goes out on the next pass, fetched by id; the scan of whole collections runs only
     * every {@code full-scan-every} (and first of all, for what an earlier run left behind).
     */
    @Test
    void theRelayFetchesWhatThisInstanceJustRecordedAndScansForTheRestOnlyNowAndThen() {
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(RealInfrastructureExtension.infrastructure().mongoUri()),
                "relay_" + UUID.randomUUID().toString().substring(0, 8));
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructureExtension.infrastructure().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all")));
        PendingOutboxes pending = new PendingOutboxes();
        OutboxRelay relay = new OutboxRelay(mongo, template, List.of("samples"), "case-service", Duration.ofSeconds(10), 100,
                pending, Duration.ofHours(1));
        AggregateStore store = new AggregateStore(mongo, pending);
        OutboxEvents events = new OutboxEvents(JsonMapper.builder().build(), Clock.systemUTC());

        mongo.insert(sampleWithEvent(events, "left by an earlier run"), "samples");
        assertThat(relay.relayOnce()).as("the first pass scans").isEqualTo(1);

        store.insert(sampleWithEvent(events, "just opened"), "samples");
        mongo.insert(sampleWithEvent(events, "written behind the store's back"), "samples");
        assertThat(relay.relayOnce()).as("only what the store noted, until the next scan").isEqualTo(1);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("outbox.0").exists(true)), "samples")).isEqualTo(1);
    }

    private static SampleCase sampleWithEvent(OutboxEvents events, String title) {
        SampleCase sample = new SampleCase();
        sample.id = UUID.randomUUID().toString();
        sample.version = 1;
        sample.title = title;
        sample.outbox.add(events.of(sample.id, 1L, new CaseOpened(sample.id, "ASB-2026-000001", "ASB_PERSONAL", false,
                title, "OPEN", "STOCKTON_CST", "jo.smith", null, "jo.smith", java.time.Instant.now())));
        return sample;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
