package org.casebridge.tasking.tasks.domain;

import java.time.Instant;
import java.util.Objects;

import org.casebridge.platform.domain.DomainException;

/**
 * A piece of work one practitioner sets another (or themselves) on a case the partnership shares. Who may set
 * a task, and who may see it, is decided here.
 */
public final class Task {

    private final String id;
    private final String caseId;
    private final String title;
    private final String assignee;
    private final String createdBy;
    private final String organisation;
    private final Instant createdAt;
    private final TaskStatus status;
    private final long version;

    private Task(String id, String caseId, String title, String assignee, String createdBy, String organisation,
            Instant createdAt, TaskStatus status, long version) {
        this.id = Objects.requireNonNull(id);
        this.caseId = Objects.requireNonNull(caseId);
        this.title = Objects.requireNonNull(title);
        this.assignee = Objects.requireNonNull(assignee);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.organisation = Objects.requireNonNull(organisation);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.status = Objects.requireNonNull(status);
        this.version = version;
    }

    /**
     * A practitioner sets a task on a case. They must be allowed to contribute to the case: a case they cannot see
     * does not exist for them (404); one they can only view they may read but not task on (403). The task goes to
     * the creator unless they name a colleague.
     */
    public static Task create(String id, NewTask request, boolean creatorMaySeeCase, boolean creatorMayContribute,
            Instant now) {
        if (!creatorMaySeeCase) {
            throw DomainException.notFound("Case " + request.caseId());
        }
        if (!creatorMayContribute) {
            throw DomainException.forbidden("You may view this case but not set tasks on it.");
        }
        if (request.title() == null || request.title().isBlank()) {
            throw DomainException.invalid("A task needs a title.");
        }
        String assignee = request.assignee() == null ? request.createdBy() : request.assignee();
        return new Task(id, request.caseId(), request.title().strip(), assignee, request.createdBy(), request.organisation(),
                now, TaskStatus.NEW, 1);
    }

    /** Rebuilds a stored task. */
    public static Task restore(String id, String caseId, String title, String assignee, String createdBy,
            String organisation, Instant createdAt, TaskStatus status, long version) {
        return new Task(id, caseId, title, assignee, createdBy, organisation, createdAt, status, version);
    }

    /** What a practitioner gives when setting a task. */
    public record NewTask(String caseId, String title, String assignee, String createdBy, String organisation) {
    }

    /** Its assignee always sees a task; anyone else only while they may see its case. */
    public boolean isVisibleTo(String userId, boolean maySeeCase) {
        return assignee.equals(userId) || maySeeCase;
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public String title() {
        return title;
    }

    public String assignee() {
        return assignee;
    }

    public String createdBy() {
        return createdBy;
    }

    public String organisation() {
        return organisation;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public TaskStatus status() {
        return status;
    }

    public long version() {
        return version;
    }
}
