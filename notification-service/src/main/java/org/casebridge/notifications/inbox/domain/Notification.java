package org.casebridge.notifications.inbox.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.casebridge.contracts.notification.NotificationCreated;
import org.casebridge.platform.aggregate.AggregateRoot;

/**
 * Something in an inbox. It is addressed to a principal: a user ({@code user:jo.smith}), a team, a whole
 * organisation, or an organisation's supervisors ({@code supervisors:CLEVELAND_POLICE}); each member reads it for
 * themselves, so read state is kept per user.
 */
public final class Notification extends AggregateRoot {

    public enum Kind {
        CASE_LEAD_ASSIGNED, CASE_REVIEW_DUE, CASE_TRANSFERRED_TO_YOU, CASE_SHARED, CASE_UPDATED, CASE_HIGH_RISK,
        CASE_CLOSED_BY_OTHER, REPEAT_PRESENTATION, DUPLICATE_SUSPECTED, ACCESS_REQUESTED, ACCESS_REQUEST_DECIDED, TASK_ASSIGNED, TASK_DUE_SOON, TASK_OVERDUE, TASK_ESCALATED,
        TASK_CASE_CLOSED
    }

    /**
     * Who must hear what, before it is stored.
     *
     * @param organisation the recipient's organisation, used to check they may see the case
     */
    public record Draft(String recipient, String organisation, Kind kind, String title, String caseId, String caseReference,
            String taskId) {
    }

    private final String recipient;
    private final Kind kind;
    private final String title;
    private final String caseId;
    private final String caseReference;
    private final String taskId;
    private final Instant createdAt;
    private final Set<String> readBy;

    private Notification(String id, String recipient, Kind kind, String title, String caseId, String caseReference,
            String taskId, Instant createdAt, Set<String> readBy, long version) {
        super(id, version);
        this.recipient = Objects.requireNonNull(recipient);
        this.kind = Objects.requireNonNull(kind);
        this.title = Objects.requireNonNull(title);
        this.caseId = caseId;
        this.caseReference = caseReference;
        this.taskId = taskId;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.readBy = Set.copyOf(readBy);
    }

    public static Notification create(String id, Draft draft, Instant now) {
        Notification n = new Notification(id, draft.recipient(), draft.kind(), draft.title(), draft.caseId(),
                draft.caseReference(), draft.taskId(), now, Set.of(), 1);
        n.announce(new NotificationCreated(id, draft.recipient(), draft.kind().name(), draft.title(), draft.caseId(),
                now));
        return n;
    }

    public static Notification restore(String id, String recipient, Kind kind, String title, String caseId,
            String caseReference, String taskId, Instant createdAt, Set<String> readBy, long version) {
        return new Notification(id, recipient, kind, title, caseId, caseReference, taskId, createdAt,
                readBy == null ? Set.of() : readBy, version);
    }

    public boolean isReadBy(String userId) {
        return readBy.contains(userId);
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

    public String taskId() {
        return taskId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
