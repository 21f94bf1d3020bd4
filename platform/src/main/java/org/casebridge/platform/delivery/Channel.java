package org.casebridge.platform.delivery;

/**
 * How one kind of delivery goes out (e-mail over SMTP, a webhook over HTTPS): what {@link Courier} asks of each item
 * it takes from the queue.
 */
public interface Channel<T extends DeliveryQueue.Item> {

    /**
     * What sending {@code item} takes now, and through which circuit breaker (one per far end, so one failing
     * endpoint does not hold up the others).
     *
     * @throws NotNow when it cannot go yet for a reason of ours (it waits, the try is not counted)
     * @throws Undeliverable when it never can (dead-lettered at once)
     */
    Attempt attempt(T item);

    /** What is recorded as the failure, for whoever reads the queue. */
    default String describe(Throwable failure) {
        return failure.toString();
    }

    /** The far end's answer code in a failure (an HTTP status), if it answered. */
    default Integer answerOf(Throwable failure) {
        return null;
    }

    /** @param send throws when the item did not arrive; returns the far end's answer code, or null */
    record Attempt(String breaker, Send send) {
    }

    @FunctionalInterface
    interface Send {
        Integer send();
    }

    final class NotNow extends RuntimeException {
        public NotNow(String why) {
            super(why, null, false, false);
        }
    }

    final class Undeliverable extends RuntimeException {
        public Undeliverable(String why) {
            super(why, null, false, false);
        }
    }
}
