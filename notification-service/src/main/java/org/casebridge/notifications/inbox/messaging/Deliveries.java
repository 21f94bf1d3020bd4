package org.casebridge.notifications.inbox.messaging;

import java.time.Clock;
import java.util.List;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.notifications.inbox.store.MongoInbox;
import org.casebridge.platform.access.AccessList;
import org.casebridge.platform.access.CaseAccessProjection;
import org.springframework.stereotype.Component;

/**
 * Puts drafts in inboxes, once per cause and recipient, and only for recipients who may see the case: when
 * sharing-service's decision on the case is known here, the recipient (or their organisation) must be on it.
 */
@Component
class Deliveries {

    private final MongoInbox inbox;
    private final CaseAccessProjection caseAccess;
    private final Clock clock;

    Deliveries(MongoInbox inbox, CaseAccessProjection caseAccess, Clock clock) {
        this.inbox = inbox;
        this.caseAccess = caseAccess;
        this.clock = clock;
    }

    void deliver(List<Notification.Draft> drafts, String cause) {
        for (Notification.Draft draft : drafts) {
            if (maySee(draft)) {
                inbox.deliver(Notification.create(inbox.newId(), draft, clock.instant()), cause);
            }
        }
    }

    /**
     * For drafts made from sharing-service's decision itself: it is the newest word on who may see the case, newer
     * than the projection, which another consumer may not have applied yet.
     */
    void deliverAsDecided(List<Notification.Draft> drafts, String cause) {
        for (Notification.Draft draft : drafts) {
            inbox.deliver(Notification.create(inbox.newId(), draft, clock.instant()), cause);
        }
    }

    private boolean maySee(Notification.Draft draft) {
        if (draft.caseId() == null) {
            return true;
        }
        return caseAccess.find(draft.caseId()).map(access -> allows(access, draft)).orElse(true);
    }

    private static boolean allows(AccessList access, Notification.Draft draft) {
        String recipient = draft.recipient();
        if (recipient.startsWith("supervisors:")) {
            return access.allows(List.of("org:" + recipient.substring("supervisors:".length())), AccessLevel.VIEW);
        }
        List<String> principals = draft.organisation() == null ? List.of(recipient)
                : List.of(recipient, "org:" + draft.organisation());
        return access.allows(principals, AccessLevel.VIEW);
    }
}
