package org.casebridge.notifications.email.sending;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.casebridge.notifications.email.store.MongoEmailOutbox;
import org.casebridge.notifications.email.store.MongoEmailOutbox.Email;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a day, everything a user chose to get in the digest becomes one e-mail. */
@Component
public class DailyDigest {

    private final MongoEmailOutbox outbox;
    private final EmailSettings settings;
    private final Clock clock;

    DailyDigest(MongoEmailOutbox outbox, EmailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${casebridge.notifications.email.digest-cron}", zone = "Europe/London")
    void onSchedule() {
        compose();
    }

    /** Queues one digest per user with anything waiting; returns how many. */
    public int compose() {
        int digests = 0;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (String recipient : outbox.digestRecipients()) {
            List<Email> items = outbox.takeForDigest(recipient);
            if (items.isEmpty()) {
                continue;
            }
            StringBuilder body = new StringBuilder("Your CaseBridge notifications since the last digest:\n\n");
            items.forEach(e -> body.append("- ").append(e.subject().replace("[CaseBridge] ", "")).append('\n'));
            body.append("\nOpen CaseBridge to see more: ").append(settings.consoleUrl()).append("/notifications\n");
            String id = "digest-" + recipient + "-" + today + "-" + items.get(0).id();
            if (outbox.enqueue(id, recipient, items.get(0).to(), "[CaseBridge] Your daily digest: " + items.size()
                    + (items.size() == 1 ? " notification" : " notifications"), body.toString(), false, clock.instant())) {
                digests++;
            }
        }
        return digests;
    }
}
