package org.casebridge.notifications.email.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.casebridge.notifications.email.domain.EmailPreferences;
import org.casebridge.notifications.email.store.MongoEmailOutbox;
import org.casebridge.notifications.email.store.MongoEmailPreferences;
import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** E-mail preferences for each practitioner, and the delivery queue for partnership administrators. */
@RestController
@RequestMapping("/api/v1/notifications")
@Validated
class EmailController {

    private final MongoEmailPreferences preferences;
    private final MongoEmailOutbox outbox;
    private final org.casebridge.notifications.email.sending.EmailSettings settings;
    private final Clock clock;
    private final org.casebridge.platform.audit.AuditTrail audit;

    EmailController(MongoEmailPreferences preferences, MongoEmailOutbox outbox,
            org.casebridge.notifications.email.sending.EmailSettings settings, Clock clock,
            org.casebridge.platform.audit.AuditTrail audit) {
        this.audit = audit;
        this.preferences = preferences;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    record PreferencesRequest(@Size(max = 200) String address, Map<Notification.Kind, EmailPreferences.Delivery> email) {
    }

    record PreferencesView(String address, Map<Notification.Kind, EmailPreferences.Delivery> email) {
        static PreferencesView of(EmailPreferences p) {
            return new PreferencesView(p.address(), p.byKind());
        }
    }

    @Operation(summary = "Your e-mail preferences", description = "Per kind: IMMEDIATE, DIGEST (daily) or OFF. The inbox always gets everything.")
    @GetMapping("/preferences")
    PreferencesView mine(CurrentUser user) {
        preferences.seen(user.id(), user.organisation(), user.roles());
        return PreferencesView.of(preferences.of(user.id()));
    }

    @Operation(summary = "Change your e-mail preferences", description = "Kinds left out keep what they had.")
    @PutMapping("/preferences")
    PreferencesView change(@Valid @RequestBody PreferencesRequest request, CurrentUser user) {
        EmailPreferences current = preferences.of(user.id());
        Map<Notification.Kind, EmailPreferences.Delivery> merged = new java.util.EnumMap<>(current.byKind());
        if (request.email() != null) {
            request.email().forEach((kind, delivery) -> {
                if (kind != null && delivery != null) {
                    merged.put(kind, delivery);
                }
            });
        }
        String address = request.address() == null || request.address().isBlank() ? current.address()
                : request.address().strip();
        // titles name cases: mail goes only to the user's own organisation's domain, never to a private mailbox
        if (address != null && !settings.isOrganisationAddress(address, user.organisation())) {
            throw DomainException.invalid("E-mail can only go to an address of your organisation's domain.");
        }
        EmailPreferences changed = new EmailPreferences(address, merged);
        preferences.seen(user.id(), user.organisation(), user.roles());
        preferences.save(user.id(), changed);
        return PreferencesView.of(changed);
    }

    record DeliveryView(String id, String recipient, String to, String subject, String status, int attempts,
            Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
        static DeliveryView of(MongoEmailOutbox.Email e) {
            return new DeliveryView(e.id(), e.recipient(), e.to(), e.subject(), e.status().name(), e.attempts(),
                    e.nextAttemptAt(), e.lastError(), e.createdAt(), e.sentAt());
        }
    }

    @Operation(summary = "E-mails by delivery status (partnership administrators)",
            description = "FAILED ones were given up after repeated failures and can be retried.")
    @GetMapping("/deliveries")
    List<DeliveryView> deliveries(CurrentUser user, @RequestParam(defaultValue = "FAILED") MongoEmailOutbox.Status status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        requireAdmin(user);
        List<DeliveryView> shown = outbox.queue().withStatus(status.name(), limit).stream().map(DeliveryView::of).toList();
        // addresses and subjects (which name cases) of other people's mail: each one shown is a read
        audit.recordEach(user, "READ_EMAIL_QUEUE", "email", shown.stream().map(DeliveryView::id).toList(), null);
        return shown;
    }

    @Operation(summary = "Try a failed e-mail again (partnership administrators)")
    @PostMapping("/deliveries/{id}/retry")
    DeliveryView retry(@PathVariable @Size(max = 200) String id, CurrentUser user) {
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
