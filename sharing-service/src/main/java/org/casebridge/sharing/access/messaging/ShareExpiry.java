package org.casebridge.sharing.access.messaging;

import org.casebridge.sharing.access.app.CaseAccessCommands;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expiry takes effect on time without anyone acting (see {@link CaseAccessCommands#expireAndLapse}). */
@Component
class ShareExpiry {

    private final CaseAccessCommands commands;

    ShareExpiry(CaseAccessCommands commands) {
        this.commands = commands;
    }

    @Scheduled(fixedDelayString = "${casebridge.sharing.expiry-check:5s}")
    void dropExpiredShares() {
        commands.expireAndLapse();
    }
}
