package org.casebridge.platform.events;

import java.time.Clock;
import java.util.UUID;

import org.casebridge.contracts.EventType;
import org.casebridge.contracts.EventTypes;

import tools.jackson.databind.json.JsonMapper;

/** Turns an event's data record into an {@link OutboxEvent}: type and topic come from {@code contracts}. */
public class OutboxEvents {

    private final JsonMapper json;
    private final Clock clock;

    public OutboxEvents(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param subject the aggregate id (also the Kafka key)
     * @param sequence the aggregate's version after the change, or null for events of no aggregate
     */
    public OutboxEvent of(String subject, Long sequence, Object data) {
        EventType type = EventTypes.of(data.getClass());
        return new OutboxEvent(UUID.randomUUID().toString(), type.type(), type.topic(), subject, sequence,
                clock.instant(), json.writeValueAsString(data));
    }

    /**
     * The events one command raised on an aggregate that stood at {@code versionBefore}: each raised the version by
     * one, so the n-th carries sequence {@code versionBefore + n}.
     */
    public java.util.List<OutboxEvent> sequenced(String subject, long versionBefore, java.util.List<?> data) {
        java.util.List<OutboxEvent> events = new java.util.ArrayList<>();
        long sequence = versionBefore;
        for (Object event : data) {
            events.add(of(subject, ++sequence, event));
        }
        return events;
    }
}
