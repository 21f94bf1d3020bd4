package org.casebridge.platform.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.casebridge.contracts.audit.AuditRecorded;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvent;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.RequestIdFilter;
import org.slf4j.MDC;

/**
 * Records who read or changed personal data, why they were allowed and the purpose they gave, as
 * {@code casebridge.audit.recorded.v1} on {@code casebridge.audit.v1}. Records go through the outbox, so an
 * audit record is never lost because Kafka was briefly away.
 *
 * <p>A change's record is made with {@link #entry} and stored in the changed aggregate's own {@code outbox}, in the
 * same single-document write as the change ({@code AggregateStore.insert} / {@code update}): the change cannot be
 * stored without its audit, and a crash between the two cannot lose it. A read changes nothing to ride with, so
 * {@link #record} writes it to the standalone outbox before the answer is sent (see docs/identity-and-access.md, Audit).
 */
public class AuditTrail {

    private final AggregateStore store;
    private final OutboxEvents events;
    private final String serviceName;
    private final Clock clock;

    public AuditTrail(AggregateStore store, OutboxEvents events, String serviceName, Clock clock) {
        this.store = store;
        this.events = events;
        this.serviceName = serviceName;
        this.clock = clock;
    }

    /**
     * @param grantedBy the rule or share that allowed the action
     * @param purpose what the user said they needed it for (may be null)
     * @param changes for a change, field name to before/after
     */
    public void record(CurrentUser user, String action, String resourceType, String resourceId, String grantedBy,
            String purpose, Map<String, Object> changes) {
        store.append(entry(user, action, resourceType, resourceId, grantedBy, purpose, changes));
    }

    /**
     * The audit record of a change, to be written with the change itself: add it to the events of the aggregate's
     * insert or conditional update, so both are stored in one single-document write or neither is.
     */
    public OutboxEvent entry(CurrentUser user, String action, String resourceType, String resourceId, String grantedBy,
            String purpose, Map<String, Object> changes) {
        AuditRecorded record = new AuditRecorded(UUID.randomUUID().toString(), user.id(), user.organisation(), action,
                resourceType, resourceId, grantedBy, purpose, changes == null ? Map.of() : changes, serviceName,
                MDC.get(RequestIdFilter.MDC_KEY), clock.instant());
        return events.of(resourceId, null, record);
    }

    /**
     * A search, with the terms it was given, whether or not it found anything (a search with no hits is a trace
     * too). The terms may hold personal data (a name, a date of birth): they are recorded, because the audit store
     * is read only by those who audit (a case's managers, organisation administrators), never by the searched.
     */
    public void recordSearch(CurrentUser user, String resourceType, Record terms, int hits, String purpose) {
        recordSearch(user, resourceType, termsOf(terms), hits, purpose);
    }

    private static Map<String, Object> termsOf(Record terms) {
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent component : terms.getClass().getRecordComponents()) {
            try {
                java.lang.reflect.Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                given.put(component.getName(), accessor.invoke(terms));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read search term " + component.getName(), e);
            }
        }
        return given;
    }

    /** See {@link #recordSearch(CurrentUser, String, Record, int, String)}; the terms by name (blank ones left out). */
    public void recordSearch(CurrentUser user, String resourceType, Map<String, ?> terms, int hits, String purpose) {
        store.append(searchEntry(user, resourceType, terms, hits, purpose));
    }

    private OutboxEvent searchEntry(CurrentUser user, String resourceType, Map<String, ?> terms, int hits, String purpose) {
        Map<String, Object> given = new java.util.TreeMap<>();
        terms.forEach((name, value) -> {
            if (value != null && !(value instanceof String text && text.isBlank())) {
                given.put(name, value instanceof String || value instanceof Number || value instanceof Boolean
                        || value instanceof java.util.Collection<?> ? value : value.toString());
            }
        });
        return entry(user, "SEARCH", resourceType, "search:" + (user.organisation() == null ? "none" : user.organisation()),
                null, purpose, Map.of("terms", given, "hits", hits));
    }

    /** One record per resource shown, e.g. every case on a page of search results, written in one batch. */
    public void recordEach(CurrentUser user, String action, String resourceType, java.util.List<String> resourceIds,
            String purpose) {
        if (resourceIds.isEmpty()) {
            return;
        }
        store.appendAll(eachEntries(user, action, resourceType, resourceIds, purpose));
    }

    /**
     * A page of search results: one record per resource shown ({@link #recordEach}), then the search with its terms
     * and the number shown as its hits ({@link #recordSearch(CurrentUser, String, Record, int, String)}), all in one
     * write.
     */
    public void recordEachAndSearch(CurrentUser user, String action, String resourceType,
            java.util.List<String> resourceIds, Record terms, String purpose) {
        java.util.List<OutboxEvent> all = new java.util.ArrayList<>(eachEntries(user, action, resourceType, resourceIds, purpose));
        all.add(searchEntry(user, resourceType, termsOf(terms), resourceIds.size(), purpose));
        store.appendAll(all);
    }

    private java.util.List<OutboxEvent> eachEntries(CurrentUser user, String action, String resourceType,
            java.util.List<String> resourceIds, String purpose) {
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        return resourceIds.stream().map(id -> events.of(id, null, new AuditRecorded(UUID.randomUUID().toString(),
                user.id(), user.organisation(), action, resourceType, id, null, purpose, Map.of(), serviceName, requestId,
                clock.instant()))).toList();
    }
}
