package org.casebridge.platform.events;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay on its own thread, woken by the store as soon as a command has recorded events
 * ({@link PendingOutboxes}) instead of polling: an idle service's relay sleeps, and a lone event goes out at once
 * rather than at the next tick. Passes start at most once per {@code poll-interval}, so under load the events of
 * several commands go out together; without a wake-up a pass still runs every {@code full-scan-every}, for the
 * relay's full scan when it is due.
 */
public class OutboxRelayLoop implements SmartLifecycle {

    private final OutboxRelay relay;
    private final PendingOutboxes pending;
    private final Duration pollInterval;
    private final Duration fallback;
    private volatile Thread thread;

    public OutboxRelayLoop(OutboxRelay relay, PendingOutboxes pending, Duration pollInterval, Duration fallback) {
        this.relay = relay;
        this.pending = pending;
        this.pollInterval = pollInterval;
        this.fallback = fallback;
    }

    @Override
    public void start() {
        Thread loop = new Thread(this::run, "outbox-relay");
        loop.setDaemon(true);
        thread = loop;
        loop.start();
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            long started = System.nanoTime();
            relay.relayPending();
            try {
                long rest = pollInterval.toNanos() - (System.nanoTime() - started);
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
                pending.awaitNoted(fallback.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Lets the pass under way finish (its sends are acknowledged or time out), then ends the loop. */
    @Override
    public void stop() {
        Thread loop = thread;
        thread = null;
        if (loop == null) {
            return;
        }
        pending.wake();
        try {
            loop.join(Duration.ofSeconds(15).toMillis());
            loop.interrupt();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Stopped after the web server has finished its last requests, so their events still go out. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }
}
