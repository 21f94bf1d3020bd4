package org.casebridge.tasking.tasks.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.casebridge.contracts.task.TaskAccepted;
import org.casebridge.contracts.task.TaskAssigned;
import org.casebridge.contracts.task.TaskCancelled;
import org.casebridge.contracts.task.TaskCaseClosed;
import org.casebridge.contracts.task.TaskCompleted;
import org.casebridge.contracts.task.TaskCreated;
import org.casebridge.contracts.task.TaskDeclined;
import org.casebridge.contracts.task.TaskDueSoon;
import org.casebridge.contracts.task.TaskEscalated;
import org.casebridge.contracts.task.TaskOverdue;
import org.casebridge.contracts.task.TaskStarted;
import org.casebridge.contracts.task.TaskSummary;
import org.casebridge.contracts.task.TaskUpdated;
import org.casebridge.platform.aggregate.AggregateRoot;
import org.casebridge.platform.domain.DomainException;

/**
 * A piece of work one practitioner sets another, a team or a whole partner organisation, on a case or about a
 * person or place. Its whole life is here: who may set it and to whom, NEW → ACCEPTED → IN_PROGRESS → DONE, declining,
 * cancelling, reassigning and allocating, progress updates, reminders, overdue and escalation, and what happens when
 * its case closes (it is flagged, not cancelled). Every change raises the version and announces itself.
 */
public final class Task extends AggregateRoot {

    public enum Priority { LOW, NORMAL, HIGH, URGENT }

    public enum SubjectKind { CASE, PERSON, LOCATION }

    /** One entry of the task's own timeline. */
    public record Update(String kind, String text, String by, String organisation, Instant at) {
    }

    /** What a practitioner gives when setting a task. */
    public record NewTask(SubjectKind subjectKind, String subjectId, String title, String description, Priority priority,
            LocalDate dueDate, Assignee assignee, String sourceLogEntryId) {
    }

    /**
     * What sharing-service's decision on the task's case says, as far as setting or moving the task goes.
     * For a task about a person or place there is no case and the flags are unused.
     */
    public record CaseRights(boolean creatorMaySee, boolean creatorMayContribute, boolean assigneeMayContribute) {
        public static final CaseRights NO_CASE = new CaseRights(true, true, true);
    }

    private final SubjectKind subjectKind;
    private String subjectId;
    private final String title;
    private final String description;
    private final Priority priority;
    private final LocalDate dueDate;
    private final String sourceLogEntryId;
    private Assignee assignee;
    private TaskStatus status;
    private final String createdBy;
    private final String createdByOrganisation;
    private final Instant createdAt;
    private final List<Update> updates;
    private String outcome;
    private Instant completedAt;
    private Instant remindedAt;
    private Instant overdueAt;
    private Instant escalatedAt;
    private Instant caseClosedAt;

    private Task(Builder b) {
        super(b.id, b.version);
        this.subjectKind = Objects.requireNonNull(b.subjectKind);
        this.subjectId = Objects.requireNonNull(b.subjectId);
        this.title = Objects.requireNonNull(b.title);
        this.description = b.description;
        this.priority = b.priority == null ? Priority.NORMAL : b.priority;
        this.dueDate = b.dueDate;
        this.sourceLogEntryId = b.sourceLogEntryId;
        this.assignee = Objects.requireNonNull(b.assignee);
        this.status = Objects.requireNonNull(b.status);
        this.createdBy = Objects.requireNonNull(b.createdBy);
        this.createdByOrganisation = Objects.requireNonNull(b.createdByOrganisation);
        this.createdAt = Objects.requireNonNull(b.createdAt);
        this.updates = new ArrayList<>(b.updates == null ? List.of() : b.updates);
        this.outcome = b.outcome;
        this.completedAt = b.completedAt;
        this.remindedAt = b.remindedAt;
        this.overdueAt = b.overdueAt;
        this.escalatedAt = b.escalatedAt;
        this.caseClosedAt = b.caseClosedAt;
    }

    /**
     * Sets a task. On a case, the creator must be able to contribute to it (a case they cannot see does not exist for
     * them; one they can only view they may not task on), and so must the assignee: a partner is only tasked on a case
     * shared with them at CONTRIBUTE. A task without an assignee goes to its creator.
     */
    public static Task create(String id, NewTask request, Actor by, CaseRights rights, Instant now) {
        if (request.subjectKind() == SubjectKind.CASE) {
            if (!rights.creatorMaySee()) {
                throw DomainException.notFound("Case " + request.subjectId());
            }
            if (!rights.creatorMayContribute()) {
                throw DomainException.forbidden("You may view this case but not set tasks on it.");
            }
        }
        if (request.title() == null || request.title().isBlank()) {
            throw DomainException.invalid("A task needs a title.");
        }
        if (request.dueDate() != null && request.dueDate().isBefore(today(now))) {
            throw DomainException.invalid("A task cannot be due in the past: " + request.dueDate());
        }
        Assignee assignee = request.assignee() == null
                ? new Assignee(Assignee.Kind.USER, by.userId(), by.organisation()) : request.assignee();
        if (request.subjectKind() == SubjectKind.CASE && !rights.assigneeMayContribute()) {
            throw notShared(assignee, request.subjectId());
        }
        Builder b = new Builder();
        b.id = id;
        b.subjectKind = request.subjectKind();
        b.subjectId = request.subjectId();
        b.title = request.title().strip();
        b.description = request.description() == null || request.description().isBlank() ? null : request.description().strip();
        b.priority = request.priority();
        b.dueDate = request.dueDate();
        b.sourceLogEntryId = request.sourceLogEntryId();
        b.assignee = assignee;
        b.status = TaskStatus.NEW;
        b.createdBy = by.userId();
        b.createdByOrganisation = by.organisation();
        b.createdAt = now;
        b.version = 0;
        Task task = new Task(b);
        task.recordUpdate("CREATED", null, by.userId(), by.organisation(), now);
        task.announce(new TaskCreated(task.summary(), by.userId(), by.organisation(), now));
        return task;
    }

    public void accept(Actor by, Instant now) {
        requireStatus(TaskStatus.NEW, "accepted");
        requireNamedAssignee(by, "accept");
        status = TaskStatus.ACCEPTED;
        recordUpdate("ACCEPTED", null, by.userId(), by.organisation(), now);
        announce(new TaskAccepted(summary(), by.userId(), by.organisation(), now));
    }

    public void start(Actor by, Instant now) {
        requireStatus(TaskStatus.ACCEPTED, "started");
        requireNamedAssignee(by, "start");
        status = TaskStatus.IN_PROGRESS;
        recordUpdate("STARTED", null, by.userId(), by.organisation(), now);
        announce(new TaskStarted(summary(), by.userId(), by.organisation(), now));
    }

    /** The assignee (or, for a team or organisation, a member or a supervisor) says no, and why. */
    public void decline(String reason, Actor by, Instant now) {
        if (status != TaskStatus.NEW && status != TaskStatus.ACCEPTED) {
            throw illegal("declined");
        }
        if (!assignee.includes(by.principals()) && !by.supervises(assignee)) {
            throw DomainException.forbidden("Only the assignee can decline this task.");
        }
        String why = required(reason, "A task is declined with a reason.");
        status = TaskStatus.DECLINED;
        recordUpdate("DECLINED", why, by.userId(), by.organisation(), now);
        announce(new TaskDeclined(summary(), why, by.userId(), by.organisation(), now));
    }

    /** A progress update from anyone working on the task; it goes on the case log. */
    public void postUpdate(String text, Actor by, Instant now) {
        requireOpen("updated");
        if (!isParticipant(by)) {
            throw DomainException.forbidden("Only the task's assignee, its creator or a supervisor can post updates.");
        }
        String said = required(text, "An update needs some text.");
        recordUpdate("UPDATE", said, by.userId(), by.organisation(), now);
        announce(new TaskUpdated(summary(), said, by.userId(), by.organisation(), now));
    }

    /** Done, with an outcome note for the case log. */
    public void complete(String outcomeNote, Actor by, Instant now) {
        if (status != TaskStatus.ACCEPTED && status != TaskStatus.IN_PROGRESS) {
            throw illegal("completed");
        }
        requireNamedAssignee(by, "complete");
        outcome = required(outcomeNote, "Completing a task needs an outcome note.");
        status = TaskStatus.DONE;
        completedAt = now;
        recordUpdate("COMPLETED", outcome, by.userId(), by.organisation(), now);
        announce(new TaskCompleted(summary(), outcome, by.userId(), by.organisation(), now));
    }

    public void cancel(String reason, Actor by, Instant now) {
        requireOpen("cancelled");
        if (!createdBy.equals(by.userId())) {
            throw DomainException.forbidden("Only the practitioner who set the task can cancel it.");
        }
        String why = required(reason, "A task is cancelled with a reason.");
        status = TaskStatus.CANCELLED;
        recordUpdate("CANCELLED", why, by.userId(), by.organisation(), now);
        announce(new TaskCancelled(summary(), why, by.userId(), by.organisation(), now));
    }

    /**
     * Gives the task to someone else: its creator may, and so may a supervisor of the organisation it is with. It
     * starts again as NEW. The new assignee must be able to contribute to the case, as when it was set.
     */
    public void reassign(Assignee to, Actor by, boolean newAssigneeMayContribute, Instant now) {
        requireOpen("reassigned");
        if (!createdBy.equals(by.userId()) && !by.supervises(assignee)) {
            throw DomainException.forbidden("Only the task's creator or a supervisor of its assignee can reassign it.");
        }
        if (subjectKind == SubjectKind.CASE && !newAssigneeMayContribute) {
            throw notShared(to, subjectId);
        }
        moveTo(to, "REASSIGNED", by, now);
    }

    /** A supervisor of the team or organisation the task was set to gives it to one of their people. */
    public void allocate(String userId, Actor by, Instant now) {
        requireOpen("allocated");
        if (assignee.kind() == Assignee.Kind.USER) {
            throw DomainException.conflict("This task is already with a named person; reassign it instead.");
        }
        if (!by.supervises(assignee)) {
            throw DomainException.forbidden("Only a supervisor in " + assignee.organisation() + " can allocate this task.");
        }
        moveTo(new Assignee(Assignee.Kind.USER, userId, assignee.organisation()), "ALLOCATED", by, now);
    }

    private void moveTo(Assignee to, String kind, Actor by, Instant now) {
        Assignee previous = assignee;
        assignee = to;
        status = TaskStatus.NEW;
        remindedAt = null;
        recordUpdate(kind, to.kind() + " " + to.id(), by.userId(), by.organisation(), now);
        announce(new TaskAssigned(summary(), toContract(previous), by.userId(), by.organisation(), now));
    }

    /**
     * The deadline rules, run on a schedule: a reminder {@code remindDaysBefore} days before the due date, overdue
     * the day after it, and escalation once it has been overdue for {@code graceDays}. Each happens once per task;
     * returns whether anything changed.
     */
    public boolean checkDeadline(Instant now, int remindDaysBefore, int graceDays) {
        if (!status.isOpen() || dueDate == null) {
            return false;
        }
        long before = version();
        LocalDate today = today(now);
        if (remindedAt == null && overdueAt == null && !today.isBefore(dueDate.minusDays(remindDaysBefore))
                && !today.isAfter(dueDate)) {
            remindedAt = now;
            recordUpdate("DUE_SOON", "Due " + dueDate, "system", assignee.organisation(), now);
            announce(new TaskDueSoon(summary(), now));
        }
        if (overdueAt == null && today.isAfter(dueDate)) {
            overdueAt = now;
            recordUpdate("OVERDUE", "Was due " + dueDate, "system", assignee.organisation(), now);
            announce(new TaskOverdue(summary(), now));
        }
        long daysOverdue = ChronoUnit.DAYS.between(dueDate, today);
        if (overdueAt != null && escalatedAt == null && daysOverdue > graceDays) {
            escalatedAt = now;
            recordUpdate("ESCALATED", "Overdue by " + daysOverdue + " days", "system", assignee.organisation(), now);
            announce(new TaskEscalated(summary(), (int) daysOverdue, now));
        }
        return version() != before;
    }

    /** Its case was closed: the task stays open, flagged to its assignee and creator, who decide what to do. */
    public boolean caseClosed(String closedBy, Instant now) {
        if (!status.isOpen() || caseClosedAt != null) {
            return false;
        }
        caseClosedAt = now;
        recordUpdate("CASE_CLOSED", "The case was closed by " + closedBy, closedBy, createdByOrganisation, now);
        announce(new TaskCaseClosed(summary(), closedBy, now));
        return true;
    }

    /** The person it is about was merged into another record: the task follows the survivor. */
    public boolean followMerge(String survivorId, String mergedId, String by, String byOrganisation, Instant now) {
        if (subjectKind != SubjectKind.PERSON || !subjectId.equals(mergedId)) {
            return false;
        }
        subjectId = survivorId;
        String note = "The person record " + mergedId + " was merged into " + survivorId;
        recordUpdate("PERSON_MERGED", note, by, byOrganisation, now);
        announce(new TaskUpdated(summary(), note, by, byOrganisation, now));
        return true;
    }

    /** The assignee (or their team or organisation), its creator and their supervisors always see a task. */
    public boolean isParticipant(Actor a) {
        return assignee.includes(a.principals()) || createdBy.equals(a.userId()) || a.supervises(assignee);
    }

    /** Anyone else sees it only while they may see its case. */
    public boolean isVisibleTo(Actor a, boolean maySeeCase) {
        return isParticipant(a) || (subjectKind == SubjectKind.CASE && maySeeCase);
    }

    public boolean isOverdue(Instant now) {
        return status.isOpen() && dueDate != null && today(now).isAfter(dueDate);
    }

    public TaskSummary summary() {
        return new TaskSummary(id(), caseId(), subjectKind.name(), subjectId, title, priority.name(), dueDate,
                toContract(assignee), status.name(), createdBy, createdByOrganisation);
    }

    private static TaskSummary.Assignee toContract(Assignee a) {
        return new TaskSummary.Assignee(a.kind().name(), a.id(), a.organisation());
    }

    private void recordUpdate(String kind, String text, String by, String organisation, Instant now) {
        updates.add(new Update(kind, text, by, organisation, now));
        changedQuietly();
    }

    private void requireStatus(TaskStatus expected, String what) {
        if (status != expected) {
            throw illegal(what);
        }
    }

    private void requireOpen(String what) {
        if (!status.isOpen()) {
            throw illegal(what);
        }
    }

    private void requireNamedAssignee(Actor by, String what) {
        if (assignee.kind() != Assignee.Kind.USER) {
            throw DomainException.conflict("This task is set to " + assignee.kind().name().toLowerCase() + " "
                    + assignee.id() + "; a supervisor allocates it to a person, who can then " + what + " it.");
        }
        if (!assignee.id().equals(by.userId())) {
            throw DomainException.forbidden("Only " + assignee.id() + " can " + what + " this task.");
        }
    }

    private DomainException illegal(String what) {
        return DomainException.conflict("A task that is " + status + " cannot be " + what + ".");
    }

    private static DomainException notShared(Assignee assignee, String caseId) {
        return DomainException.conflict(assignee.organisation() + " cannot contribute to case " + caseId
                + ": share the case with them at CONTRIBUTE (or ask its owner to) before tasking them.");
    }

    private static String required(String text, String message) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid(message);
        }
        return text.strip();
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** Rebuilds a stored task; no events. */
    public static Task restore(Builder stored) {
        return new Task(stored);
    }

    /** The stored fields of a task, for {@link #restore}. */
    public static final class Builder {
        public String id;
        public SubjectKind subjectKind;
        public String subjectId;
        public String title;
        public String description;
        public Priority priority;
        public LocalDate dueDate;
        public String sourceLogEntryId;
        public Assignee assignee;
        public TaskStatus status;
        public String createdBy;
        public String createdByOrganisation;
        public Instant createdAt;
        public List<Update> updates;
        public String outcome;
        public Instant completedAt;
        public Instant remindedAt;
        public Instant overdueAt;
        public Instant escalatedAt;
        public Instant caseClosedAt;
        public long version;
    }

    public String caseId() { return subjectKind == SubjectKind.CASE ? subjectId : null; }
    public SubjectKind subjectKind() { return subjectKind; }
    public String subjectId() { return subjectId; }
    public String title() { return title; }
    public String description() { return description; }
    public Priority priority() { return priority; }
    public LocalDate dueDate() { return dueDate; }
    public String sourceLogEntryId() { return sourceLogEntryId; }
    public Assignee assignee() { return assignee; }
    public TaskStatus status() { return status; }
    public String createdBy() { return createdBy; }
    public String createdByOrganisation() { return createdByOrganisation; }
    public Instant createdAt() { return createdAt; }
    public List<Update> updates() { return List.copyOf(updates); }
    public String outcome() { return outcome; }
    public Instant completedAt() { return completedAt; }
    public Instant remindedAt() { return remindedAt; }
    public Instant overdueAt() { return overdueAt; }
    public Instant escalatedAt() { return escalatedAt; }
    public Instant caseClosedAt() { return caseClosedAt; }
}
