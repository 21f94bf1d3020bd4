package org.casebridge.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The documents this instance has just given new outbox events, so that the relay can fetch them by id at once
 * instead of scanning whole collections for them (a scan that grows with the data and, on the embedded
 * MongoDB-wire server, was most of the pipeline's cost). Only a hint: the relay still scans every few seconds, for
 * events a crash, another instance or a direct write left behind.
 */
public class PendingOutboxes {

    private final Map<String, Set<Object>> byCollection = new ConcurrentHashMap<>();
    private final AtomicBoolean standalone = new AtomicBoolean();
    /** Wakes the relay's loop (OutboxRelayLoop) when something is noted, so an idle relay need not poll. */
    private final Semaphore noted = new Semaphore(0);

    /** Beyond this many waiting ids (say, with no relay running here) the scan is left to find the rest. */
    private static final int MOST_NOTED = 10_000;

    public void noted(String collection, Object id) {
        Set<Object> ids = byCollection.computeIfAbsent(collection, name -> ConcurrentHashMap.newKeySet());
        if (id != null && ids.size() < MOST_NOTED) {
            ids.add(id);
        }
        wake();
    }

    /**
     * An event that belongs to no document (an audit record) was just recorded: the relay looks in the standalone
     * outbox on its next pass, instead of querying it on every pass with nothing there.
     */
    public void notedStandalone() {
        standalone.set(true);
        wake();
    }

    void wake() {
        if (noted.availablePermits() == 0) {
            noted.release();
        }
    }

    /** Waits until something is noted (or was since the last call) or the time is up. */
    void awaitNoted(long timeout, TimeUnit unit) throws InterruptedException {
        if (noted.tryAcquire(timeout, unit)) {
            noted.drainPermits();
        }
    }

    /** Whether standalone events were noted since the last call. */
    boolean takeStandalone() {
        return standalone.getAndSet(false);
    }

    /** Takes up to {@code limit} of the ids noted for the collection; the rest stay for the next pass. */
    List<Object> take(String collection, int limit) {
        Set<Object> ids = byCollection.get(collection);
        List<Object> taken = new ArrayList<>();
        if (ids == null) {
            return taken;
        }
        for (Object id : ids) {
            if (taken.size() == limit) {
                break;
            }
            if (ids.remove(id)) {
                taken.add(id);
            }
        }
        if (!ids.isEmpty()) {
            wake(); // more than one pass's worth: the next pass need not wait
        }
        return taken;
    }
}
