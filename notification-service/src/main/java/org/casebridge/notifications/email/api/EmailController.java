package org.casebridge.notifications.email.api;

import java.util.List;
import java.util.Map;

import org.casebridge.notifications.email.app.EmailDeliveryQueue;
import org.casebridge.notifications.email.app.EmailDeliveryQueue.DeliveryView;
import org.casebridge.notifications.email.app.EmailPreferencesOfUsers;
import org.casebridge.notifications.email.domain.EmailPreferences;
import org.casebridge.notifications.email.domain.EmailStatus;
import org.casebridge.notifications.inbox.domain.Notification;
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

    private final EmailPreferencesOfUsers preferences;
    private final EmailDeliveryQueue queue;

    EmailController(EmailPreferencesOfUsers preferences, EmailDeliveryQueue queue) {
        this.preferences = preferences;
        this.queue = queue;
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
        return PreferencesView.of(preferences.mine(user));
    }

    @Operation(summary = "Change your e-mail preferences", description = "Kinds left out keep what they had.")
    @PutMapping("/preferences")
    PreferencesView change(@Valid @RequestBody PreferencesRequest request, CurrentUser user) {
        return PreferencesView.of(preferences.change(user, request.address(), request.email()));
    }

    @Operation(summary = "E-mails by delivery status (partnership administrators)",
            description = "FAILED ones were given up after repeated failures and can be retried.")
    @GetMapping("/deliveries")
    List<DeliveryView> deliveries(CurrentUser user, @RequestParam(defaultValue = "FAILED") EmailStatus status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return queue.withStatus(status, limit, user);
    }

    @Operation(summary = "Try a failed e-mail again (partnership administrators)")
    @PostMapping("/deliveries/{id}/retry")
    DeliveryView retry(@PathVariable @Size(max = 200) String id, CurrentUser user) {
        return queue.retry(id, user);
    }
}
