package org.casebridge.sharing.webhooks.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.casebridge.contracts.Topics;
import org.casebridge.sharing.webhooks.store.MongoWebhooks;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Sends a subscription's feed again from a point: a time, or a position ({@code <partition>-<offset>}, as every call's
 * {@code X-CaseBridge-Position} header gave it). Replayed calls are new calls with the same CloudEvent ids, which
 * partners de-duplicate.
 */
@Component
public class FeedReplay {

    private static final Duration POLL = Duration.ofMillis(500);

    private final MongoWebhooks webhooks;
    private final FeedEvents feedEvents;
    private final KafkaProperties kafka;
    private final WebhookSettings settings;
    private final Clock clock;

    FeedReplay(MongoWebhooks webhooks, FeedEvents feedEvents, KafkaProperties kafka, WebhookSettings settings, Clock clock) {
        this.webhooks = webhooks;
        this.feedEvents = feedEvents;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many calls were queued */
    public int replay(MongoWebhooks.Subscription subscription, Instant since, String fromPosition) {
        String topic = Topics.partnerFeed(subscription.organisation());
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        String replayId = UUID.randomUUID().toString();
        int queued = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = startingOffsets(consumer, partitions, since, fromPosition);
            starts.forEach(consumer::seek);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            partitions.forEach(p -> remaining.put(p, ends.get(p)));
            while (queued < settings.maxReplay() && remaining.entrySet().stream()
                    .anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= remaining.get(partition) || queued >= settings.maxReplay()) {
                        continue;
                    }
                    FeedEvents.Feedable feedable = feedEvents.of(record);
                    if (webhooks.enqueue(subscription.id() + ":" + feedable.event().id() + ":replay:" + replayId,
                            subscription.id(), feedable.event().id(), feedable.event().type(), feedable.position(),
                            feedable.body(), clock.instant())) {
                        queued++;
                    }
                }
            }
        }
        return queued;
    }

    private static Map<TopicPartition, Long> startingOffsets(KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> partitions, Instant since, String fromPosition) {
        Map<TopicPartition, Long> starts = new HashMap<>(consumer.beginningOffsets(partitions));
        if (since != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            partitions.forEach(p -> starts.put(p, found.get(p) == null ? ends.get(p) : found.get(p).offset()));
        }
        if (fromPosition != null) {
            String[] parts = fromPosition.split("-");
            TopicPartition partition = partitions.stream().filter(p -> p.partition() == Integer.parseInt(parts[0]))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no partition " + parts[0]));
            // from that record on in its partition; the other partitions from their beginning
            starts.put(partition, Long.parseLong(parts[1]));
        }
        return starts;
    }
}
