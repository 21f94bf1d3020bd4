package org.casebridge.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.casebridge.contracts.CloudEventConventions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

/**
 * Publishes what commands left in outboxes, oldest first per document, and removes each event only after the
 * broker acknowledged it (idempotent producer, acks=all). While Kafka is down events simply wait: the
 * command that produced them has already succeeded. Delivery is at-least-once; consumers skip repeats.
 */
public class OutboxRelay {

    /** Collection for events that belong to no aggregate document, such as audit records. */
    public static final String STANDALONE_COLLECTION = "outbox";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final List<String> aggregateCollections;
    private final String source;
    private final Duration sendTimeout;
    private final int batchSize;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> kafka, List<String> aggregateCollections,
            String serviceName, Duration sendTimeout, int batchSize) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.aggregateCollections = List.copyOf(aggregateCollections);
        this.source = CloudEventConventions.source(serviceName);
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${casebridge.outbox.poll-interval:250ms}")
    public void relayPending() {
        try {
            relayOnce();
        } catch (RuntimeException e) {
            log.warn("Outbox relay pass failed, will retry: {}", e.getMessage());
        }
    }

    /** One pass over every outbox; returns how many events were published. */
    public int relayOnce() {
        int published = 0;
        for (String collection : aggregateCollections) {
            published += relayAggregateOutboxes(collection);
        }
        return published + relayStandalone();
    }

    private int relayAggregateOutboxes(String collection) {
        Query pending = new Query(Criteria.where("outbox.0").exists(true)).with(Sort.by("_id")).limit(batchSize);
        pending.fields().include("_id").include("outbox");
        int published = 0;
        for (Document doc : mongo.find(pending, Document.class, collection)) {
            for (Document event : doc.getList("outbox", Document.class)) {
                Outcome outcome = publish(event);
                if (outcome == Outcome.BROKER_UNAVAILABLE) {
                    return published; // try again next pass, in the same order
                }
                if (outcome == Outcome.MALFORMED) {
                    break; // leave this document's events in order for someone to look at; carry on with the others
                }
                mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.get("_id"))),
                        new Update().pull("outbox", new Document("eventId", event.getString("eventId"))), collection);
                published++;
            }
        }
        return published;
    }

    private int relayStandalone() {
        Query pending = new Query().with(Sort.by("time")).limit(batchSize);
        int published = 0;
        for (Document event : mongo.find(pending, Document.class, STANDALONE_COLLECTION)) {
            Outcome outcome = publish(event);
            if (outcome == Outcome.BROKER_UNAVAILABLE) {
                return published;
            }
            if (outcome == Outcome.MALFORMED) {
                continue;
            }
            mongo.remove(Query.query(Criteria.where("_id").is(event.get("_id"))), STANDALONE_COLLECTION);
            published++;
        }
        return published;
    }

    private enum Outcome { PUBLISHED, BROKER_UNAVAILABLE, MALFORMED }

    private Outcome publish(Document event) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = toCloudEvent(event);
        } catch (RuntimeException e) {
            log.error("Outbox event {} cannot be published and stays where it is: {}", event.get("eventId"), e.getMessage());
            return Outcome.MALFORMED;
        }
        try {
            kafka.send(event.getString("topic"), event.getString("subject"), cloudEvent)
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.PUBLISHED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.BROKER_UNAVAILABLE;
        } catch (Exception e) {
            log.warn("Event {} of type {} not yet published: {}", event.getString("eventId"), event.getString("type"),
                    e.getMessage());
            return Outcome.BROKER_UNAVAILABLE;
        }
    }

    private CloudEvent toCloudEvent(Document event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.getString("eventId"))
                .withType(event.getString("type"))
                .withSource(URI.create(source))
                .withSubject(event.getString("subject"))
                .withTime(event.getDate("time").toInstant().atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventConventions.DATA_CONTENT_TYPE)
                .withDataSchema(URI.create("urn:casebridge:schema:" + event.getString("type")))
                .withData(event.getString("data").getBytes(StandardCharsets.UTF_8));
        Number sequence = event.get("sequence", Number.class);
        if (sequence != null) {
            builder.withExtension(CloudEventConventions.SEQUENCE_EXTENSION, sequence.longValue());
        }
        return builder.build();
    }
}
