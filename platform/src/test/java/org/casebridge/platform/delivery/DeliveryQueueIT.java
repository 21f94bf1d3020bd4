package org.casebridge.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.Document;
import org.casebridge.platform.events.PendingOutboxes;
import org.casebridge.platform.sample.SampleApplication;
import org.casebridge.platform.test.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The delivery queue on the real MongoDB-wire server, with a far end that fails when told to and a clock the test
 * moves: a delivery survives its sender's death, failures back off and are dead-lettered, an administrator retries,
 * and an open circuit breaker holds back only its own far end's deliveries.
 */
@RealInfrastructure
@SpringBootTest(classes = SampleApplication.class)
class DeliveryQueueIT {

    record Parcel(@Id String id, String to, String status, int attempts, Instant nextAttemptAt, String lastError,
            Integer lastStatus, Instant createdAt, Instant sentAt) implements DeliveryQueue.Item {
        static Parcel to(String id, String to, Instant now) {
            return new Parcel(id, to, "PENDING", 0, now, null, null, now, null);
        }
    }

    /** Stands for an SMTP server or a partner's endpoint: receives, or fails for the addresses told to. */
    static final class FarEnd implements Channel<Parcel> {
        final List<String> received = new CopyOnWriteArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        final Set<String> gone = ConcurrentHashMap.newKeySet();

        @Override
        public Attempt attempt(Parcel parcel) {
            if (gone.contains(parcel.to())) {
                throw new Undeliverable("the address is gone");
            }
            return new Attempt("far-end-" + parcel.to(), () -> {
                if (failing.contains(parcel.to())) {
                    throw new IllegalStateException("answered 503");
                }
                received.add(parcel.id());
                return 204;
            });
        }

        @Override
        public Integer answerOf(Throwable failure) {
            return 503;
        }
    }

    static final class MovingClock extends Clock {
        volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void forward(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Backoff RETRY = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(20), 3, 0.2);

    @Autowired
    MongoTemplate mongo;
    @Autowired
    PendingOutboxes pending;
    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    private final MovingClock clock = new MovingClock();
    private final FarEnd farEnd = new FarEnd();

    private DeliveryQueue<Parcel> queue(String collection) {
        return new DeliveryQueue<>(mongo, pending, collection, Parcel.class);
    }

    private Courier<Parcel> courier(DeliveryQueue<Parcel> queue) {
        return new Courier<>(queue, farEnd, breakers, clock, new Courier.Rounds(50, LEASE, RETRY));
    }

    private Document stored(DeliveryQueue<Parcel> queue, String id) {
        return mongo.getCollection(queue.collection()).find(new Document("_id", id)).first();
    }

    @Test
    void aDeliveryHeldByASenderThatDiedIsSentOnceItsLeaseLapsesAndNeverQueuedTwice() {
        DeliveryQueue<Parcel> queue = queue("deliveries_lease");
        assertThat(queue.enqueue(Parcel.to("n-1", "council", clock.instant()))).isTrue();
        assertThat(queue.enqueue(Parcel.to("n-1", "council", clock.instant()))).isFalse();

        // a sender leases it and is killed before sending: the lease is in MongoDB, not in the dead process
        assertThat(queue.claimNext(clock.instant(), LEASE)).isPresent();
        assertThat(courier(queue).sendDue()).isZero();
        assertThat(farEnd.received).isEmpty();

        clock.forward(LEASE.plusSeconds(1));
        assertThat(courier(queue).sendDue()).isEqualTo(1);
        assertThat(courier(queue).sendDue()).isZero();
        assertThat(farEnd.received).containsExactly("n-1");
        Document sent = stored(queue, "n-1");
        assertThat(sent.getString("status")).isEqualTo("SENT");
        assertThat(sent.getInteger("attempts")).isEqualTo(1);
        assertThat(sent.getInteger("lastStatus")).isEqualTo(204);
    }

    @Test
    void aFailingFarEndIsTriedAgainLaterAndLaterThenDeadLetteredUntilAnAdministratorRetries() {
        DeliveryQueue<Parcel> queue = queue("deliveries_backoff");
        farEnd.failing.add("housing");
        queue.enqueue(Parcel.to("n-2", "housing", clock.instant()));

        Instant first = clock.instant();
        courier(queue).sendDue();
        Document once = stored(queue, "n-2");
        assertThat(once.getString("status")).isEqualTo("PENDING");
        assertThat(once.getInteger("attempts")).isEqualTo(1);
        assertThat(once.getString("lastError")).contains("answered 503");
        assertThat(once.getInteger("lastStatus")).isEqualTo(503);
        // 10 s, less up to a fifth at random
        assertThat(once.getDate("nextAttemptAt").toInstant()).isBetween(first.plusSeconds(8), first.plusSeconds(10));
        assertThat(courier(queue).sendDue()).isZero();
        assertThat(stored(queue, "n-2").getInteger("attempts")).isEqualTo(1);

        clock.forward(Duration.ofSeconds(10));
        Instant second = clock.instant();
        courier(queue).sendDue();
        assertThat(stored(queue, "n-2").getDate("nextAttemptAt").toInstant())
                .isBetween(second.plusSeconds(16), second.plusSeconds(20));

        clock.forward(Duration.ofSeconds(20));
        courier(queue).sendDue();
        Document dead = stored(queue, "n-2");
        assertThat(dead.getString("status")).isEqualTo("FAILED");
        assertThat(dead.getInteger("attempts")).isEqualTo(3);
        clock.forward(Duration.ofHours(1));
        assertThat(courier(queue).sendDue()).isZero();
        assertThat(queue.withStatus("FAILED", 10)).extracting(Parcel::id).containsExactly("n-2");

        farEnd.failing.remove("housing");
        assertThat(queue.retry("n-2", clock.instant())).isTrue();
        assertThat(queue.retry("n-2", clock.instant())).as("only a FAILED one is retried").isFalse();
        assertThat(courier(queue).sendDue()).isEqualTo(1);
        assertThat(farEnd.received).containsExactly("n-2");
        assertThat(stored(queue, "n-2").getString("status")).isEqualTo("SENT");
    }

    @Test
    void anOpenBreakerHoldsBackOnlyItsOwnFarEndUncountedAndTheUndeliverableIsDeadLetteredAtOnce() {
        DeliveryQueue<Parcel> queue = queue("deliveries_breaker");
        breakers.getCircuitBreakerRegistry().circuitBreaker("far-end-probation").transitionToForcedOpenState();
        farEnd.gone.add("closed-down");
        queue.enqueue(Parcel.to("n-3", "probation", clock.instant()));
        queue.enqueue(Parcel.to("n-4", "police", clock.instant()));
        queue.enqueue(Parcel.to("n-5", "closed-down", clock.instant()));

        assertThat(courier(queue).sendDue()).isEqualTo(1);
        assertThat(farEnd.received).containsExactly("n-4");
        Document held = stored(queue, "n-3");
        assertThat(held.getString("status")).isEqualTo("PENDING");
        assertThat(held.getInteger("attempts")).isZero();
        assertThat(held.getDate("nextAttemptAt").toInstant()).isAfter(clock.instant());
        Document gone = stored(queue, "n-5");
        assertThat(gone.getString("status")).isEqualTo("FAILED");
        assertThat(gone.getString("lastError")).isEqualTo("the address is gone");

        breakers.getCircuitBreakerRegistry().circuitBreaker("far-end-probation").transitionToClosedState();
        clock.forward(Duration.ofSeconds(5));
        assertThat(courier(queue).sendDue()).isEqualTo(1);
        assertThat(farEnd.received).containsExactly("n-4", "n-3");
    }
}
