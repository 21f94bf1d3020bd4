package org.casebridge.contracts.notification;

import java.time.Instant;

/** {@code casebridge.notification.created.v1}: something landed in a user's inbox. Subject = notification id. */
public record NotificationCreated(
        String notificationId,
        String recipient,
        String kind,
        String title,
        String caseId,
        Instant createdAt) {
}
