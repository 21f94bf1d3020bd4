package org.casebridge.platform.kafka;

import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;

/** A CloudEvent read from Kafka, with its data still as JSON bytes until a handler asks for its type. */
public record IncomingEvent(String id, String type, String source, String subject, Long sequence, Instant time,
        byte[] data, String topic, JsonMapper json) {

    public <T> T data(Class<T> type) {
        return json.readValue(data, type);
    }
}
