package org.casebridge.sharing.webhooks.delivery;

import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.platform.kafka.IncomingEvent;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A feed record as a webhook body: the CloudEvent in structured JSON mode (application/cloudevents+json). */
@Component
class FeedEvents {

    private final IdempotentConsumer reader;
    private final JsonMapper json;

    FeedEvents(IdempotentConsumer reader, JsonMapper json) {
        this.reader = reader;
        this.json = json;
    }

    record Feedable(IncomingEvent event, String body, String position) {
    }

    Feedable of(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = reader.read(record);
        ObjectNode body = json.createObjectNode();
        body.put("specversion", "1.0");
        body.put("id", event.id());
        body.put("type", event.type());
        body.put("source", event.source());
        body.put("subject", event.subject());
        if (event.time() != null) {
            body.put("time", event.time().atOffset(ZoneOffset.UTC).toString());
        }
        body.put("datacontenttype", "application/json");
        if (event.sequence() != null) {
            body.put("casebridgesequence", event.sequence());
        }
        JsonNode data = json.readTree(event.data());
        body.set("data", data);
        return new Feedable(event, json.writeValueAsString(body), record.partition() + "-" + record.offset());
    }
}
