package org.casebridge.notifications.email.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.casebridge.notifications.email.domain.EmailStatus;
import org.casebridge.notifications.email.store.MongoEmailOutbox;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The e-mail delivery queue as partnership administrators see it: reading it (each e-mail shown is a read of other
 * people's mail, audited) and retrying a failed e-mail (its audit record rides in the e-mail's own outbox).
 */
@Component
public class EmailDeliveryQueue {

    private final MongoEmailOutbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    EmailDeliveryQueue(MongoEmailOutbox outbox, AuditTrail audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public record DeliveryView(String id, String recipient, String to, String subject, String status, int attempts,
            Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
        static DeliveryView of(MongoEmailOutbox.Email e) {
            return new DeliveryView(e.id(), e.recipient(), e.to(), e.subject(), e.status().name(), e.attempts(),
                    e.nextAttemptAt(), e.lastError(), e.createdAt(), e.sentAt());
        }
    }

    public List<DeliveryView> withStatus(EmailStatus status, int limit, CurrentUser user) {
        requireAdmin(user);
        List<DeliveryView> shown = outbox.queue().withStatus(status.name(), limit).stream().map(DeliveryView::of).toList();
        // addresses and subjects (which name cases) of other people's mail: each one shown is a read
        audit.recordEach(user, "READ_EMAIL_QUEUE", "email", shown.stream().map(DeliveryView::id).toList(), null);
        return shown;
    }

    /** Only a FAILED e-mail goes back to PENDING. */
    public DeliveryView retry(String id, CurrentUser user) {
        requireAdmin(user);
        if (!outbox.queue().retry(id, clock.instant(), audit.entry(user, "RETRY_EMAIL", "email", id, "PARTNERSHIP_ADMIN", null,
                Map.of("status", Map.of("before", "FAILED", "after", "PENDING"))))) {
            throw outbox.queue().find(id).isPresent() ? DomainException.conflict("Only a FAILED e-mail can be retried.")
                    : DomainException.notFound("E-mail " + id);
        }
        return DeliveryView.of(outbox.queue().find(id).orElseThrow());
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.roles().contains("PARTNERSHIP_ADMIN")) {
            throw DomainException.forbidden("The delivery queue is for partnership administrators.");
        }
    }
}
