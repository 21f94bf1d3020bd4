package org.casebridge.platform.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * Takes what is due from a {@link DeliveryQueue} and sends it through its {@link Channel}, each far end behind its own
 * circuit breaker. A failure is tried again with {@link Backoff}; while a breaker is open its items simply wait,
 * uncounted, until the far end is back; after the last try an item is dead-lettered ({@code FAILED}). Nothing is lost.
 */
public final class Courier<T extends DeliveryQueue.Item> {

    private static final Logger log = LoggerFactory.getLogger(Courier.class);

    /** How many items one round takes, how long a lease lasts, and when a failed one is tried again. */
    public record Rounds(int batch, Duration leaseFor, Backoff retry) {
    }

    private static final Duration WHILE_OPEN = Duration.ofSeconds(5);

    private final DeliveryQueue<T> queue;
    private final Channel<T> channel;
    private final CircuitBreakerFactory<?, ?> breakers;
    private final Clock clock;
    private final Rounds rounds;

    public Courier(DeliveryQueue<T> queue, Channel<T> channel, CircuitBreakerFactory<?, ?> breakers, Clock clock,
            Rounds rounds) {
        this.queue = queue;
        this.channel = channel;
        this.breakers = breakers;
        this.clock = clock;
        this.rounds = rounds;
    }

    /** Sends what is due now; returns how many arrived. */
    public int sendDue() {
        int sent = 0;
        for (int i = 0; i < rounds.batch(); i++) {
            Optional<T> next = queue.claimNext(clock.instant(), rounds.leaseFor());
            if (next.isEmpty()) {
                break;
            }
            if (send(next.get())) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(T item) {
        Channel.Attempt attempt;
        try {
            attempt = channel.attempt(item);
        } catch (Channel.NotNow notNow) {
            log.error("Delivery {} in {} waits: {}", item.id(), queue.collection(), notNow.getMessage());
            queue.postpone(item.id(), clock.instant().plus(WHILE_OPEN));
            return false;
        } catch (Channel.Undeliverable never) {
            queue.failed(item.id(), null, never.getMessage(), clock.instant(), true);
            return false;
        }
        return breakers.create(attempt.breaker()).run(() -> {
            Integer answer = attempt.send().send();
            queue.sent(item.id(), answer, clock.instant());
            return true;
        }, failure -> {
            Instant now = clock.instant();
            if (failure instanceof CallNotPermittedException) {
                queue.postpone(item.id(), now.plus(WHILE_OPEN));
                return false;
            }
            int attempts = item.attempts() + 1;
            log.warn("Delivery {} in {} failed (attempt {}): {}", item.id(), queue.collection(), attempts, failure.toString());
            queue.failed(item.id(), channel.answerOf(failure), channel.describe(failure),
                    now.plus(rounds.retry().after(attempts)), rounds.retry().givesUpAfter(attempts));
            return false;
        });
    }
}
