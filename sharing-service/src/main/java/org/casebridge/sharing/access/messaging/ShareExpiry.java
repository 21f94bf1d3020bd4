package org.casebridge.sharing.access.messaging;

import java.time.Clock;

import org.casebridge.sharing.access.domain.CaseAccess;
import org.casebridge.sharing.access.store.MongoCaseAccess;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expiry takes effect on time without anyone acting: shares whose time has come are dropped and the new decision is
 * published; a consent that lapses puts the case's shares up for review. Running it twice (two instances) is harmless:
 * the second finds nothing left to do.
 */
@Component
class ShareExpiry {

    private final MongoCaseAccess access;
    private final Clock clock;

    ShareExpiry(MongoCaseAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${casebridge.sharing.expiry-check:5s}")
    void dropExpiredShares() {
        for (String caseId : access.withSharesExpiredBy(clock.instant())) {
            access.find(caseId).ifPresent(current -> {
                long expected = current.version();
                if (current.expireShares(clock.instant())) {
                    access.update(current, expected); // a concurrent change re-decides anyway; next pass catches the rest
                }
            });
        }
        for (String caseId : access.withConsentLapsedBy(clock.instant())) {
            access.find(caseId).ifPresent(current -> {
                long expected = current.version();
                if (current.noticeLapsedConsents(clock.instant())) {
                    access.update(current, expected);
                }
            });
        }
    }
}
