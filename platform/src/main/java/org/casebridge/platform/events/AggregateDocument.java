package org.casebridge.platform.events;

import java.util.ArrayList;
import java.util.List;

/**
 * What every aggregate's stored document holds beside its state: the events its latest changes raised, waiting in
 * the same document for the {@link OutboxRelay} (see {@link AggregateStore}).
 */
public abstract class AggregateDocument {

    protected List<OutboxEvent> outbox = new ArrayList<>();
}
