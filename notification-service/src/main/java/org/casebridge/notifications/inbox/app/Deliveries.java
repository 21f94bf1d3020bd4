package org.casebridge.notifications.inbox.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.notifications.inbox.store.MongoHeldNotifications;
import org.casebridge.notifications.inbox.store.MongoInbox;
import org.casebridge.platform.access.AccessList;
import org.casebridge.platform.access.CaseAccessProjection;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts drafts in inboxes, once per cause and recipient, and only for recipients who may see the case. Fails closed:
 * while no decision of sharing-service's on the case has reached this service (case events and access decisions
 * travel on different topics, so either may come first) a draft about it is held, not delivered and not dropped;
 * when the decision arrives the held drafts go to whoever it lets see the case, and no further.
 */
@Component
public class Deliveries {

    private final MongoInbox inbox;
    private final MongoHeldNotifications held;
    private final CaseAccessProjection caseAccess;
    private final Clock clock;

    Deliveries(MongoInbox inbox, MongoHeldNotifications held, CaseAccessProjection caseAccess, Clock clock) {
        this.inbox = inbox;
        this.held = held;
        this.caseAccess = caseAccess;
        this.clock = clock;
    }

    public void deliver(List<Notification.Draft> drafts, String cause) {
        boolean heldAny = false;
        for (Notification.Draft draft : drafts) {
            if (draft.caseId() == null) {
                inbox.deliver(Notification.create(inbox.newId(), draft, clock.instant()), cause);
                continue;
            }
            Optional<AccessList> access = caseAccess.find(draft.caseId());
            if (access.isEmpty()) {
                held.hold(draft, cause, clock.instant());
                heldAny = true;
            } else if (allows(access.get(), draft)) {
                inbox.deliver(Notification.create(inbox.newId(), draft, clock.instant()), cause);
            }
        }
        if (heldAny) {
            // the decision may have been applied while we held: look again, so nothing waits for the sweep
            drafts.stream().map(Notification.Draft::caseId).filter(java.util.Objects::nonNull).distinct()
                    .forEach(caseId -> caseAccess.find(caseId).ifPresent(access -> release(caseId, access)));
        }
    }

    /**
     * For drafts made from sharing-service's decision itself: it is the newest word on who may see the case, newer
     * than the projection, which another consumer may not have applied yet.
     */
    public void deliverAsDecided(List<Notification.Draft> drafts, String cause) {
        for (Notification.Draft draft : drafts) {
            inbox.deliver(Notification.create(inbox.newId(), draft, clock.instant()), cause);
        }
    }

    /**
     * A decision on the case is known: what was held for it goes to those it allows; the rest may not see the case
     * and never hear of it. Delivered before released, so a crash in between delivers again, which the inbox's
     * per-cause key ignores.
     */
    public void release(String caseId, AccessList access) {
        for (MongoHeldNotifications.Held h : held.of(caseId)) {
            if (allows(access, h.draft())) {
                inbox.deliver(Notification.create(inbox.newId(), h.draft(), clock.instant()), h.cause());
            }
            held.release(h.id());
        }
    }

    /**
     * The safety net behind the two prompt releases (when a decision is consumed, and right after holding): a
     * decision applied to the projection between the two is picked up here within seconds.
     */
    @Scheduled(fixedDelayString = "${casebridge.notifications.held-sweep-every:PT2S}")
    void releaseDecided() {
        for (String caseId : held.cases()) {
            caseAccess.find(caseId).ifPresent(access -> release(caseId, access));
        }
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
