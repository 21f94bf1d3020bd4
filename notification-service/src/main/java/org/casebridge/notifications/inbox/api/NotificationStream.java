package org.casebridge.notifications.inbox.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.notification.NotificationCreated;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes new notifications to open web consoles. Every instance of notification-service reads the notification topic
 * in its own consumer group, so a user connected to any instance hears of what any instance delivered. Best effort: the
 * inbox stays the record, and a console that reconnects reloads it.
 */
@Component
class NotificationStream implements org.springframework.context.SmartLifecycle {

    private static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private record Listener(List<String> addresses, SseEmitter emitter) {
    }

    private final Map<SseEmitter, Listener> listeners = new ConcurrentHashMap<>();
    private final JsonMapper json;

    NotificationStream(JsonMapper json) {
        this.json = json;
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Ends open streams first, so a graceful shutdown does not wait for consoles that never hang up. */
    @Override
    public void stop() {
        running = false;
        listeners.keySet().forEach(SseEmitter::complete);
        listeners.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    SseEmitter open(String userId, List<String> addresses) {
        SseEmitter emitter = new SseEmitter(OPEN_FOR.toMillis());
        listeners.put(emitter, new Listener(addresses, emitter));
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(e -> listeners.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("open").data("{\"user\":\"" + userId + "\"}"));
        } catch (IOException gone) {
            listeners.remove(emitter);
        }
        return emitter;
    }

    @KafkaListener(topics = Topics.NOTIFICATION, groupId = "notification-service.stream.${random.uuid}",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, byte[]> record) {
        if (listeners.isEmpty()) {
            return;
        }
        NotificationCreated created = json.readValue(record.value(), NotificationCreated.class);
        for (Listener listener : listeners.values()) {
            if (listener.addresses().contains(created.recipient())) {
                try {
                    listener.emitter().send(SseEmitter.event().id(created.notificationId()).name("notification")
                            .data(created));
                } catch (IOException | IllegalStateException gone) {
                    listeners.remove(listener.emitter());
                }
            }
        }
    }
}
