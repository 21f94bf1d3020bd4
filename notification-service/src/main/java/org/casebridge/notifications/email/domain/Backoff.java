package org.casebridge.notifications.email.domain;

import java.time.Duration;

/**
 * When to try a failed send again: {@code first}, doubling each time, never more than {@code longest} apart; given up
 * (left for an administrator) after {@code maxAttempts} tries.
 */
public record Backoff(Duration first, Duration longest, int maxAttempts) {

    public static final Backoff STANDARD = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(15), 12);

    public Duration after(int attempts) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
