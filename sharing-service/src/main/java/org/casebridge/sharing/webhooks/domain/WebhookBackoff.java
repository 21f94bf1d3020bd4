package org.casebridge.sharing.webhooks.domain;

import java.time.Duration;

/** Retries of a failed webhook call: 10 s doubling to at most 30 min apart, given up after 15 tries (about 4 hours). */
public final class WebhookBackoff {

    public static final int MAX_ATTEMPTS = 15;

    private WebhookBackoff() {
    }

    public static Duration after(int attempts, Duration first) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        Duration longest = Duration.ofMinutes(30);
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
