package org.casebridge.notifications.inbox.api;

import java.time.Instant;
import java.util.List;

import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.notifications.inbox.store.MongoInbox;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

@RestController
@RequestMapping("/api/v1/notifications")
@Validated
class InboxController {

    private final MongoInbox inbox;

    InboxController(MongoInbox inbox) {
        this.inbox = inbox;
    }

    @Operation(summary = "Your inbox, newest first", description = "Pass nextCursor as 'after' for the next page.")
    @GetMapping
    InboxPage mine(CurrentUser user, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after) {
        List<NotificationView> items = inbox.inboxOf(user.id(), after, limit).stream().map(NotificationView::of).toList();
        return new InboxPage(items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }

    record InboxPage(List<NotificationView> items, String nextCursor) {
    }

    record NotificationView(String id, String kind, String title, String caseId, String caseReference, Instant createdAt,
            boolean read) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.kind().name(), n.title(), n.caseId(), n.caseReference(), n.createdAt(),
                    n.readAt() != null);
        }
    }
}
