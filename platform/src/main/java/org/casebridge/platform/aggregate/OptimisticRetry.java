package org.casebridge.platform.aggregate;

import java.util.function.Supplier;

import org.casebridge.platform.web.ETags;

/**
 * The one optimistic-retry policy of every service: a change loads an aggregate, applies a command and writes it only
 * if its version is still the one loaded; a round that loses that race is run again against the newer version, at
 * most {@code casebridge.changes.attempts} times. No pause between rounds: a lost race means another writer's change
 * landed, so every round makes progress.
 */
public class OptimisticRetry {

    /** Enough for twenty practitioners adding to one case at the same instant: each lost race is another's win. */
    public static final int DEFAULT_ATTEMPTS = 30;

    private final int attempts;

    public OptimisticRetry(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("casebridge.changes.attempts must be at least 1");
        }
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }

    /**
     * Runs {@code round} until it does not lose a race.
     *
     * @param round one load, apply and conditional write: {@link Round#done} with its result, or {@link Round#lost}
     * @param exhausted what to answer (or throw) when every round lost
     */
    public <T> T run(Supplier<Round<T>> round, Supplier<T> exhausted) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Round<T> outcome = round.get();
            if (outcome.written()) {
                return outcome.result();
            }
        }
        return exhausted.get();
    }

    /**
     * A change made against what the caller expects: with a version ({@code If-Match}) one round, and 412 when a
     * concurrent writer wins it; with any version, retried, and 412 only when every round lost. The round itself
     * checks the loaded version with {@link Expectation#check}.
     */
    public <T> T change(Expectation expected, Supplier<Round<T>> round) {
        if (expected.version() != null) {
            Round<T> once = round.get();
            if (!once.written()) {
                throw ETags.stale();
            }
            return once.result();
        }
        return run(round, () -> {
            throw ETags.stale();
        });
    }

    /** What one round came to: written (with its result), or lost to a concurrent writer. */
    public record Round<T>(boolean written, T result) {

        public static <T> Round<T> done(T result) {
            return new Round<>(true, result);
        }

        public static <T> Round<T> lost() {
            return new Round<>(false, null);
        }

        /** {@code written} as the conditional write answered it. */
        public static <T> Round<T> of(boolean written, T result) {
            return written ? done(result) : lost();
        }
    }
}
