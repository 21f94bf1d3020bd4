package org.casebridge.notifications.inbox.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.casebridge.notifications.email.app.EmailPreferencesOfUsers;
import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.notifications.inbox.domain.WhoHears;
import org.casebridge.notifications.inbox.store.MongoInbox;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * A practitioner's inbox: what was addressed to them, their teams, their organisation, or (as supervisors) its
 * supervisors. Reading it is audited: titles name cases and what happened on them.
 */
@Component
public class Inbox {

    private final MongoInbox inbox;
    private final EmailPreferencesOfUsers people;
    private final AuditTrail audit;

    Inbox(MongoInbox inbox, EmailPreferencesOfUsers people, AuditTrail audit) {
        this.inbox = inbox;
        this.people = people;
        this.audit = audit;
    }

    /** Everything the user reads: their own, their teams', their organisation's, and supervisors' if they are one. */
    public static List<String> addressesOf(CurrentUser user) {
        List<String> principals = new ArrayList<>(user.principals());
        if (user.organisation() != null && user.roles().contains("SUPERVISOR")) {
            principals.add(WhoHears.supervisorsOf(user.organisation()));
        }
        return principals;
    }

    /** One page, newest first, and how many of all the user's notifications are unread. */
    public record Page(List<Notification> items, String nextCursor, long unread) {
    }

    public Page read(CurrentUser user, int limit, boolean unreadOnly, String after) {
        // remembered for e-mail: the organisation gives the address, the roles the default preferences
        people.seen(user);
        List<String> addresses = addressesOf(user);
        List<Notification> items = inbox.inboxOf(addresses, user.id(), unreadOnly, after, limit);
        // titles name cases and what happened on them: each one shown is a read, on the case's trail where it has one
        audit.recordEach(user, "READ_INBOX", "case", items.stream().map(Notification::caseId).filter(Objects::nonNull)
                .distinct().toList(), null);
        audit.recordEach(user, "READ_INBOX", "notification", items.stream().filter(n -> n.caseId() == null)
                .map(Notification::id).toList(), null);
        return new Page(items, items.size() == limit ? items.get(items.size() - 1).id() : null,
                inbox.unreadCount(addresses, user.id()));
    }

    public long unreadCount(CurrentUser user) {
        return inbox.unreadCount(addressesOf(user), user.id());
    }

    /** For the user only; their team-mates keep theirs. */
    public Notification markRead(String id, CurrentUser user) {
        return inbox.markRead(id, addressesOf(user), user.id())
                .orElseThrow(() -> DomainException.notFound("Notification " + id));
    }

    public long markAllRead(CurrentUser user) {
        return inbox.markAllRead(addressesOf(user), user.id());
    }
}
