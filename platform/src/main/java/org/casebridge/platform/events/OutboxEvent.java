package org.casebridge.platform.events;

import java.time.Instant;

/**
 * An event waiting in a document's {@code outbox} array (or in the standalone {@code outbox} collection)
 * until the relay has published it and the broker has acknowledged it. ({@code eventId}, not {@code id}: Spring Data
 * would store a nested {@code id} as {@code _id}.)
 *
 * @param data the event data as JSON, exactly as it will be published
 */
public record OutboxEvent(String eventId, String type, String topic, String subject, Long sequence, Instant time, String data) {
}
