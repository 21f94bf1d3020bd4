package org.casebridge.notifications.inbox.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.notification.NotificationCreated;

/** Something in one practitioner's inbox. Created from what happened elsewhere; read or not read. */
public final class Notification {

    public enum Kind { CASE_LEAD_ASSIGNED }

    private final String id;
    private final String recipient;
    private final Kind kind;
    private final String title;
    private final String caseId;
    private final String caseReference;
    private final Instant createdAt;
    private final Instant readAt;
    private final long version;
    private final List<Object> newEvents = new ArrayList<>();

    private Notification(String id, String recipient, Kind kind, String title, String caseId, String caseReference,
            Instant createdAt, Instant readAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.recipient = Objects.requireNonNull(recipient);
        this.kind = Objects.requireNonNull(kind);
        this.title = Objects.requireNonNull(title);
        this.caseId = caseId;
        this.caseReference = caseReference;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.readAt = readAt;
        this.version = version;
    }

    /** A case was opened: its lead officer hears that it is theirs to lead. */
    public static Notification leadOfNewCase(String id, CaseOpened opened, Instant now) {
        String title = "You are the lead officer for %s: %s".formatted(opened.reference(), opened.title());
        Notification notification = new Notification(id, opened.leadOfficer(), Kind.CASE_LEAD_ASSIGNED, title,
                opened.caseId(), opened.reference(), now, null, 1);
        notification.newEvents.add(new NotificationCreated(id, opened.leadOfficer(), Kind.CASE_LEAD_ASSIGNED.name(), title,
                opened.caseId(), now));
        return notification;
    }

    public static Notification restore(String id, String recipient, Kind kind, String title, String caseId,
            String caseReference, Instant createdAt, Instant readAt, long version) {
        return new Notification(id, recipient, kind, title, caseId, caseReference, createdAt, readAt, version);
    }

    public List<Object> newEvents() {
        return List.copyOf(newEvents);
    }

    public String id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String caseId() {
        return caseId;
    }

    public String caseReference() {
        return caseReference;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant readAt() {
        return readAt;
    }

    public long version() {
        return version;
    }
}
