package org.casebridge.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventType;
import org.casebridge.contracts.EventTypes;

/**
 * One consumer's typed handlers: {@code on(CaseClosed.class, closed -> ...)}. {@link #handle} decodes the record's
 * CloudEvent, applies it at most once ({@link IdempotentConsumer}), finds its type in {@link EventTypes} and hands the
 * typed data to the handler registered for that class. A type nobody registered for is skipped (still remembered as
 * applied, as before), and its data is never read. Data that cannot be read as its class throws, and the listener
 * sends the record to the dead-letter topic like any unreadable record.
 */
public final class EventHandlers {

    private final IdempotentConsumer consumer;
    private final String consumerName;
    private final Map<String, Handler<?>> byType = new HashMap<>();

    public EventHandlers(IdempotentConsumer consumer, String consumerName) {
        this.consumer = consumer;
        this.consumerName = consumerName;
    }

    /** @throws IllegalArgumentException at start-up when the class is no event type of the contracts, or has a handler already */
    public <T> EventHandlers on(Class<T> dataClass, Consumer<T> handler) {
        return on(dataClass, (data, event) -> handler.accept(data));
    }

    /** For a handler that needs the envelope too (its subject, sequence or id, e.g. to name the cause of a notice). */
    public <T> EventHandlers on(Class<T> dataClass, BiConsumer<T, IncomingEvent> handler) {
        EventType type = EventTypes.of(dataClass);
        if (byType.putIfAbsent(type.type(), new Handler<>(dataClass, handler)) != null) {
            throw new IllegalArgumentException(consumerName + " handles " + type.type() + " twice");
        }
        return this;
    }

    /** @return true when the event was new to this consumer (whether or not a handler wanted it) */
    public boolean handle(ConsumerRecord<String, byte[]> record) {
        return consumer.consume(consumerName, record, this::dispatch);
    }

    /** @return true when a handler took the event */
    boolean dispatch(IncomingEvent event) {
        Optional<Handler<?>> handler = EventTypes.byType(event.type()).map(t -> byType.get(t.type()));
        handler.ifPresent(h -> h.accept(event));
        return handler.isPresent();
    }

    private record Handler<T>(Class<T> dataClass, BiConsumer<T, IncomingEvent> handler) {
        void accept(IncomingEvent event) {
            handler.accept(event.data(dataClass), event);
        }
    }
}
