package org.casebridge.contracts;

import java.util.List;
import java.util.Optional;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.audit.AuditRecorded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.notification.NotificationCreated;
import org.casebridge.contracts.party.PersonRegistered;

/** Every event type CaseBridge publishes. Each has a JSON Schema and an entry in docs/asyncapi.yaml. */
public final class EventTypes {

    public static final EventType CASE_OPENED = new EventType("casebridge.case.opened.v1", Topics.CASE, CaseOpened.class);
    public static final EventType CASE_ACCESS_CHANGED = new EventType("casebridge.access.changed.v1", Topics.ACCESS, CaseAccessChanged.class);
    public static final EventType PERSON_REGISTERED = new EventType("casebridge.party.person-registered.v1", Topics.PARTY, PersonRegistered.class);
    public static final EventType NOTIFICATION_CREATED = new EventType("casebridge.notification.created.v1", Topics.NOTIFICATION, NotificationCreated.class);
    public static final EventType AUDIT_RECORDED = new EventType("casebridge.audit.recorded.v1", Topics.AUDIT, AuditRecorded.class);

    public static final List<EventType> ALL = List.of(CASE_OPENED, CASE_ACCESS_CHANGED, PERSON_REGISTERED, NOTIFICATION_CREATED, AUDIT_RECORDED);

    private EventTypes() {
    }

    public static Optional<EventType> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    public static EventType of(Class<?> dataClass) {
        return ALL.stream().filter(t -> t.dataClass().equals(dataClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + dataClass.getName()));
    }
}
