package org.casebridge.contracts;

import java.util.Objects;

/**
 * One kind of event: its CloudEvents type, the topic it travels on and its JSON Schema.
 * A change that breaks the schema makes a new {@code .v2} type; the old one stays for old consumers.
 */
public record EventType(String type, String topic, Class<?> dataClass) {

    public EventType {
        Objects.requireNonNull(type);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(dataClass);
        if (!type.matches("casebridge\\.[a-z-]+\\.[a-z-]+\\.v\\d+")) {
            throw new IllegalArgumentException("event type must look like casebridge.<aggregate>.<event>.v<n>: " + type);
        }
    }

    /** Classpath location of the JSON Schema for the event data. */
    public String schemaPath() {
        return "org/casebridge/contracts/schemas/" + type + ".json";
    }
}
