package org.casebridge.platform.kafka;

import java.time.Instant;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.casebridge.contracts.CloudEventConventions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies each event at most once per consumer: it remembers, per consumer and aggregate, the highest
 * {@code sequence} applied and skips anything at or below it (a redelivery, or a replay after a rebalance); an
 * event without a sequence is remembered by its id.
 * A handler that throws is retried by the listener container and then sent to the {@code .dlt} topic.
 */
public class IdempotentConsumer {

    static final String COLLECTION = "applied_events";

    private final MongoTemplate mongo;
    private final JsonMapper json;

    public IdempotentConsumer(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    /** @return true when the handler ran, false when the event had already been applied */
    public boolean consume(String consumerName, ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = read(record);
        if (event.sequence() == null) {
            // no aggregate sequence (e.g. audit records): remember each event id instead
            String key = consumerName + "|id|" + event.id();
            if (mongo.findById(key, Document.class, COLLECTION) != null) {
                return false;
            }
            handler.accept(event);
            mongo.upsert(Query.query(Criteria.where("_id").is(key)), new Update().set("appliedAt", Instant.now()), COLLECTION);
            return true;
        }
        String key = consumerName + "|" + event.subject();
        Document applied = mongo.findById(key, Document.class, COLLECTION);
        if (applied != null && applied.get("sequence", Number.class).longValue() >= event.sequence()) {
            return false;
        }
        handler.accept(event);
        mongo.upsert(Query.query(Criteria.where("_id").is(key)),
                new Update().set("sequence", event.sequence()).set("appliedAt", Instant.now()), COLLECTION);
        return true;
    }

    public IncomingEvent read(ConsumerRecord<String, byte[]> record) {
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            CloudEvent event = deserializer.deserialize(record.topic(), record.headers(), record.value());
            Object sequence = event.getExtension(CloudEventConventions.SEQUENCE_EXTENSION);
            return new IncomingEvent(event.getId(), event.getType(), String.valueOf(event.getSource()),
                    event.getSubject(), sequence == null ? null : Long.valueOf(sequence.toString()),
                    event.getTime() == null ? null : event.getTime().toInstant(),
                    event.getData() == null ? new byte[0] : event.getData().toBytes(), record.topic(), json);
        }
    }
}
