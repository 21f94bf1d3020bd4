package org.casebridge.platform.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.casebridge.contracts.audit.AuditRecorded;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.RequestIdFilter;
import org.slf4j.MDC;

/**
 * Records who read or changed personal data, why they were allowed and the purpose they gave, as
 * {@code casebridge.audit.recorded.v1} on {@code casebridge.audit.v1}. Records go through the outbox, so an
 * audit record is never lost because Kafka was briefly away.
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
        AuditRecorded record = new AuditRecorded(UUID.randomUUID().toString(), user.id(), user.organisation(), action,
                resourceType, resourceId, grantedBy, purpose, changes == null ? Map.of() : changes, serviceName,
                MDC.get(RequestIdFilter.MDC_KEY), clock.instant());
        store.append(events.of(resourceId, null, record));
    }

    /** One record per resource shown, e.g. every case on a page of search results, written in one batch. */
    public void recordEach(CurrentUser user, String action, String resourceType, java.util.List<String> resourceIds,
            String purpose) {
        if (resourceIds.isEmpty()) {
            return;
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        store.appendAll(resourceIds.stream().map(id -> events.of(id, null, new AuditRecorded(UUID.randomUUID().toString(),
                user.id(), user.organisation(), action, resourceType, id, null, purpose, Map.of(), serviceName, requestId,
                clock.instant()))).toList());
    }
}
