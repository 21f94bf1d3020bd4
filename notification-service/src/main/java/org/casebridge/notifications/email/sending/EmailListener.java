package org.casebridge.notifications.email.sending;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.notification.NotificationCreated;
import org.casebridge.notifications.email.domain.EmailPreferences;
import org.casebridge.notifications.email.store.MongoEmailOutbox;
import org.casebridge.notifications.email.store.MongoEmailPreferences;
import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every notification a user received, from the notification topic, becomes an e-mail if their preferences say so:
 * queued at once or kept for the daily digest. Driven by the event the inbox wrote with the notification, so an
 * e-mail is neither lost nor sent twice.
 */
@Component
class EmailListener {

    private static final String CONSUMER = "notification-service.email";

    private final IdempotentConsumer consumer;
    private final MongoEmailPreferences preferences;
    private final MongoEmailOutbox outbox;
    private final EmailSettings settings;
    private final Clock clock;

    EmailListener(IdempotentConsumer consumer, MongoEmailPreferences preferences, MongoEmailOutbox outbox,
            EmailSettings settings, Clock clock) {
        this.consumer = consumer;
        this.preferences = preferences;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.NOTIFICATION, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            NotificationCreated created = event.data(NotificationCreated.class);
            if (!created.recipient().startsWith("user:")) {
                return; // teams and organisations read their inbox; members get their own e-mails for their own work
            }
            String userId = created.recipient().substring("user:".length());
            EmailPreferences chosen = preferences.of(userId);
            EmailPreferences.Delivery delivery = chosen.of(Notification.Kind.valueOf(created.kind()));
            if (delivery == EmailPreferences.Delivery.OFF) {
                return;
            }
            String to = chosen.address() != null ? chosen.address()
                    : settings.addressOf(userId, preferences.organisationOf(userId).orElse(null));
            String link = settings.consoleUrl() + (created.caseId() == null ? "/notifications" : "/cases/" + created.caseId());
            outbox.enqueue(created.notificationId(), userId, to, "[CaseBridge] " + created.title(),
                    created.title() + "\n\nOpen CaseBridge to see more: " + link
                            + "\n\nYou get this e-mail because of your CaseBridge notification settings.",
                    delivery == EmailPreferences.Delivery.DIGEST, clock.instant());
        });
    }
}
