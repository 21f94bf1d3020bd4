package org.casebridge.platform.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed delivery again: {@code first}, doubling each time, never more than {@code longest} apart, each
 * wait shortened at random by up to {@code jitter} (a fraction) so that what failed together is not all tried again at
 * the same instant; given up (dead-lettered, left for an administrator) after {@code maxAttempts} tries.
 */
public record Backoff(Duration first, Duration longest, int maxAttempts, Double jitter) {

    public Backoff {
        jitter = jitter == null ? 0.2 : Math.min(Math.max(jitter, 0.0), 1.0);
    }

    public Backoff(Duration first, Duration longest, int maxAttempts) {
        this(first, longest, maxAttempts, null);
    }

    /** The longest wait after {@code attempts} failed tries, before jitter. */
    public Duration ceilingAfter(int attempts) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    public Duration after(int attempts) {
        Duration ceiling = ceilingAfter(attempts);
        double cut = jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(jitter);
        return Duration.ofMillis(Math.round(ceiling.toMillis() * (1 - cut)));
    }

    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
