package org.casebridge.notifications.inbox.api;

import java.time.Instant;
import java.util.List;

import org.casebridge.notifications.inbox.app.Inbox;
import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** A practitioner's inbox: what was addressed to them, their teams, their organisation, or (as supervisors) its supervisors. */
@RestController
@RequestMapping("/api/v1/notifications")
@Validated
class InboxController {

    private final Inbox inbox;
    private final NotificationStream stream;

    InboxController(Inbox inbox, NotificationStream stream) {
        this.inbox = inbox;
        this.stream = stream;
    }

    @Operation(summary = "Your inbox, newest first",
            description = "unread=true for unread only. 'unread' in the answer counts all your unread notifications. "
                    + "Pass nextCursor as 'after' for the next page.")
    @GetMapping
    InboxPage mine(CurrentUser user, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after) {
        Inbox.Page page = inbox.read(user, limit, unread, after);
        return new InboxPage(page.items().stream().map(n -> NotificationView.of(n, user.id())).toList(), page.nextCursor(),
                page.unread());
    }

    @Operation(summary = "How many unread notifications you have")
    @GetMapping("/unread-count")
    UnreadCount unreadCount(CurrentUser user) {
        return new UnreadCount(inbox.unreadCount(user));
    }

    @Operation(summary = "Mark one notification read (for you; your team-mates keep theirs)")
    @PostMapping("/{id}/read")
    NotificationView markRead(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user) {
        return NotificationView.of(inbox.markRead(id, user), user.id());
    }

    @Operation(summary = "Mark everything in your inbox read")
    @PostMapping("/read-all")
    MarkedRead markAllRead(CurrentUser user) {
        return new MarkedRead(inbox.markAllRead(user));
    }

    @Operation(summary = "New notifications as they arrive, as Server-Sent Events",
            description = "Each event is named 'notification' and carries the notification as JSON.")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(CurrentUser user) {
        return stream.open(user.id(), Inbox.addressesOf(user));
    }

    record InboxPage(List<NotificationView> items, String nextCursor, long unread) {
    }

    record UnreadCount(long unread) {
    }

    record MarkedRead(long marked) {
    }

    record NotificationView(String id, String kind, String title, String caseId, String caseReference, String taskId,
            Instant createdAt, boolean read) {
        static NotificationView of(Notification n, String userId) {
            return new NotificationView(n.id(), n.kind().name(), n.title(), n.caseId(), n.caseReference(), n.taskId(),
                    n.createdAt(), n.isReadBy(userId));
        }
    }
}
