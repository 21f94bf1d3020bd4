package org.casebridge.notifications.inbox.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseReviewThresholdMet;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.contracts.notification.NotificationCreated;

/** Something in one practitioner's inbox. Created from what happened elsewhere; read or not read. */
public final class Notification {

    public enum Kind { CASE_LEAD_ASSIGNED, CASE_REVIEW_DUE, CASE_TRANSFERRED_TO_YOU }

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
        return created(id, opened.leadOfficer(), Kind.CASE_LEAD_ASSIGNED, title, opened.caseId(), opened.reference(), now);
    }

    /** A victim on the case has met the ASB Case Review threshold: the lead officer must offer the review. */
    public static Notification caseReviewDue(String id, CaseReviewThresholdMet met, Instant now) {
        String title = "ASB Case Review due on %s: the victim has complained %d times in %d months across the partnership"
                .formatted(met.reference(), met.complaints(), met.windowMonths());
        return created(id, met.leadOfficer(), Kind.CASE_REVIEW_DUE, title, met.caseId(), met.reference(), now);
    }

    /** The lead of a case moved to the officer who accepted it. */
    public static Notification transferredTo(String id, CaseTransferred transferred, Instant now) {
        String title = "You now lead %s, transferred from %s".formatted(transferred.reference(), transferred.fromOrganisation());
        return created(id, transferred.leadOfficer(), Kind.CASE_TRANSFERRED_TO_YOU, title, transferred.caseId(),
                transferred.reference(), now);
    }

    private static Notification created(String id, String recipient, Kind kind, String title, String caseId,
            String caseReference, Instant now) {
        Notification notification = new Notification(id, recipient, kind, title, caseId, caseReference, now, null, 1);
        notification.newEvents.add(new NotificationCreated(id, recipient, kind.name(), title, caseId, now));
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
