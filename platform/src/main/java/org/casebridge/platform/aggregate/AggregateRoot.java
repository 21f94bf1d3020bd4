package org.casebridge.platform.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every aggregate (a case, a person, a task...) is beside its own rules: an id, a version that is the ETag
 * and goes up by one with every change, and the events its changes raised since it was loaded, which the store
 * writes to the outbox in the same write as the change. Plain Java: the domain stays free of the plumbing.
 */
public abstract class AggregateRoot {

    private final String id;
    private long version;
    private final List<Object> newEvents = new ArrayList<>();

    protected AggregateRoot(String id, long version) {
        this.id = Objects.requireNonNull(id);
        this.version = version;
    }

    /** A change partners hear of: the version goes up by one and the event waits for the outbox. */
    protected final void changed(Object event) {
        version++;
        newEvents.add(event);
    }

    /** A change nobody outside hears of (a review confirmed, a merge's other half): only the version goes up. */
    protected final void changedQuietly() {
        version++;
    }

    /**
     * An event that raises no version of its own: the one announcing the aggregate's creation (it is created at its
     * first version), or one more event of a change already counted.
     */
    protected final void announce(Object event) {
        newEvents.add(event);
    }

    public final String id() {
        return id;
    }

    public final long version() {
        return version;
    }

    /** The events raised since the aggregate was created or loaded, oldest first. */
    public final List<Object> newEvents() {
        return List.copyOf(newEvents);
    }
}
