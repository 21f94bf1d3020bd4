package org.casebridge.contracts;

import java.util.List;
import java.util.Optional;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.audit.AuditRecorded;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.cases.CaseInterventionRecorded;
import org.casebridge.contracts.cases.CasePartyLinked;
import org.casebridge.contracts.cases.CasePartyUnlinked;
import org.casebridge.contracts.cases.CaseRiskAssessed;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseReopened;
import org.casebridge.contracts.cases.CaseReviewThresholdMet;
import org.casebridge.contracts.cases.CaseStatusChanged;
import org.casebridge.contracts.cases.CaseTransferDeclined;
import org.casebridge.contracts.cases.CaseTransferOffered;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.contracts.cases.CaseUpdated;
import org.casebridge.contracts.notification.NotificationCreated;
import org.casebridge.contracts.party.LocationRegistered;
import org.casebridge.contracts.party.LocationUpdated;
import org.casebridge.contracts.party.PersonRegistered;
import org.casebridge.contracts.party.PersonUpdated;
import org.casebridge.contracts.party.PersonsUnmerged;
import org.casebridge.contracts.party.RepeatPresentationFlagged;
import org.casebridge.contracts.task.TaskCreated;
import org.casebridge.contracts.task.TaskAssigned;
import org.casebridge.contracts.task.TaskAccepted;
import org.casebridge.contracts.task.TaskStarted;
import org.casebridge.contracts.task.TaskDeclined;
import org.casebridge.contracts.task.TaskUpdated;
import org.casebridge.contracts.task.TaskCompleted;
import org.casebridge.contracts.task.TaskCancelled;
import org.casebridge.contracts.task.TaskDueSoon;
import org.casebridge.contracts.task.TaskOverdue;
import org.casebridge.contracts.task.TaskEscalated;
import org.casebridge.contracts.task.TaskCaseClosed;
import org.casebridge.contracts.party.PersonsMerged;

/** Every event type CaseBridge publishes. Each has a JSON Schema and an entry in docs/asyncapi.yaml. */
public final class EventTypes {

    public static final EventType CASE_OPENED = new EventType("casebridge.case.opened.v1", Topics.CASE, CaseOpened.class);
    public static final EventType CASE_UPDATED = new EventType("casebridge.case.updated.v1", Topics.CASE, CaseUpdated.class);
    public static final EventType CASE_STATUS_CHANGED = new EventType("casebridge.case.status-changed.v1", Topics.CASE, CaseStatusChanged.class);
    public static final EventType CASE_CLOSED = new EventType("casebridge.case.closed.v1", Topics.CASE, CaseClosed.class);
    public static final EventType CASE_REOPENED = new EventType("casebridge.case.reopened.v1", Topics.CASE, CaseReopened.class);
    public static final EventType CASE_LOG_ENTRY_ADDED = new EventType("casebridge.case.log-entry-added.v1", Topics.CASE, CaseLogEntryAdded.class);
    public static final EventType CASE_RISK_ASSESSED = new EventType("casebridge.case.risk-assessed.v1", Topics.CASE, CaseRiskAssessed.class);
    public static final EventType CASE_PARTY_LINKED = new EventType("casebridge.case.party-linked.v1", Topics.CASE, CasePartyLinked.class);
    public static final EventType CASE_PARTY_UNLINKED = new EventType("casebridge.case.party-unlinked.v1", Topics.CASE, CasePartyUnlinked.class);
    public static final EventType CASE_INTERVENTION_RECORDED = new EventType("casebridge.case.intervention-recorded.v1", Topics.CASE, CaseInterventionRecorded.class);
    public static final EventType CASE_REVIEW_THRESHOLD_MET = new EventType("casebridge.case.case-review-threshold-met.v1", Topics.CASE, CaseReviewThresholdMet.class);
    public static final EventType CASE_TRANSFER_OFFERED = new EventType("casebridge.case.transfer-offered.v1", Topics.CASE, CaseTransferOffered.class);
    public static final EventType CASE_TRANSFER_DECLINED = new EventType("casebridge.case.transfer-declined.v1", Topics.CASE, CaseTransferDeclined.class);
    public static final EventType CASE_TRANSFERRED = new EventType("casebridge.case.transferred.v1", Topics.CASE, CaseTransferred.class);
    public static final EventType CASE_ACCESS_CHANGED = new EventType("casebridge.access.changed.v1", Topics.ACCESS, CaseAccessChanged.class);
    public static final EventType PERSON_REGISTERED = new EventType("casebridge.party.person-registered.v1", Topics.PARTY, PersonRegistered.class);
    public static final EventType PERSONS_MERGED = new EventType("casebridge.party.persons-merged.v1", Topics.PARTY, PersonsMerged.class);
    public static final EventType PERSON_UPDATED = new EventType("casebridge.party.person-updated.v1", Topics.PARTY, PersonUpdated.class);
    public static final EventType PERSONS_UNMERGED = new EventType("casebridge.party.persons-unmerged.v1", Topics.PARTY, PersonsUnmerged.class);
    public static final EventType LOCATION_REGISTERED = new EventType("casebridge.party.location-registered.v1", Topics.PARTY, LocationRegistered.class);
    public static final EventType LOCATION_UPDATED = new EventType("casebridge.party.location-updated.v1", Topics.PARTY, LocationUpdated.class);
    public static final EventType DUPLICATE_SUSPECTED = new EventType("casebridge.party.duplicate-suspected.v1", Topics.PARTY, org.casebridge.contracts.party.DuplicateSuspected.class);
    public static final EventType REPEAT_PRESENTATION_FLAGGED = new EventType("casebridge.party.repeat-presentation-flagged.v1", Topics.PARTY, RepeatPresentationFlagged.class);
    public static final EventType TASK_CREATED = new EventType("casebridge.task.created.v1", Topics.TASK, TaskCreated.class);
    public static final EventType TASK_ASSIGNED = new EventType("casebridge.task.assigned.v1", Topics.TASK, TaskAssigned.class);
    public static final EventType TASK_ACCEPTED = new EventType("casebridge.task.accepted.v1", Topics.TASK, TaskAccepted.class);
    public static final EventType TASK_STARTED = new EventType("casebridge.task.started.v1", Topics.TASK, TaskStarted.class);
    public static final EventType TASK_DECLINED = new EventType("casebridge.task.declined.v1", Topics.TASK, TaskDeclined.class);
    public static final EventType TASK_UPDATED = new EventType("casebridge.task.updated.v1", Topics.TASK, TaskUpdated.class);
    public static final EventType TASK_COMPLETED = new EventType("casebridge.task.completed.v1", Topics.TASK, TaskCompleted.class);
    public static final EventType TASK_CANCELLED = new EventType("casebridge.task.cancelled.v1", Topics.TASK, TaskCancelled.class);
    public static final EventType TASK_DUE_SOON = new EventType("casebridge.task.due-soon.v1", Topics.TASK, TaskDueSoon.class);
    public static final EventType TASK_OVERDUE = new EventType("casebridge.task.overdue.v1", Topics.TASK, TaskOverdue.class);
    public static final EventType TASK_ESCALATED = new EventType("casebridge.task.escalated.v1", Topics.TASK, TaskEscalated.class);
    public static final EventType TASK_CASE_CLOSED = new EventType("casebridge.task.case-closed.v1", Topics.TASK, TaskCaseClosed.class);
    /** Published on each partner's own feed, {@link Topics#partnerFeed(String)}, never on a shared topic. */
    public static final EventType PARTNER_ACCESS_REVOKED = new EventType("casebridge.partner.access-revoked.v1", Topics.partnerFeed("{organisation}"), org.casebridge.contracts.feed.AccessRevoked.class);
    public static final EventType ACCESS_REQUESTED = new EventType("casebridge.sharing.access-requested.v1", Topics.SHARING, org.casebridge.contracts.sharing.AccessRequested.class);
    public static final EventType ACCESS_REQUEST_DECIDED = new EventType("casebridge.sharing.access-request-decided.v1", Topics.SHARING, org.casebridge.contracts.sharing.AccessRequestDecided.class);
    public static final EventType DIRECTORY_ENTRY_CHANGED = new EventType("casebridge.directory.entry-changed.v1", Topics.DIRECTORY, org.casebridge.contracts.directory.DirectoryEntryChanged.class);
    public static final EventType NOTIFICATION_CREATED = new EventType("casebridge.notification.created.v1", Topics.NOTIFICATION, NotificationCreated.class);
    public static final EventType AUDIT_RECORDED = new EventType("casebridge.audit.recorded.v1", Topics.AUDIT, AuditRecorded.class);

    public static final List<EventType> ALL = List.of(CASE_OPENED, CASE_UPDATED, CASE_STATUS_CHANGED, CASE_CLOSED,
            CASE_REOPENED, CASE_LOG_ENTRY_ADDED, CASE_RISK_ASSESSED, CASE_PARTY_LINKED, CASE_PARTY_UNLINKED,
            CASE_INTERVENTION_RECORDED, CASE_REVIEW_THRESHOLD_MET, CASE_TRANSFER_OFFERED,
            CASE_TRANSFER_DECLINED, CASE_TRANSFERRED, CASE_ACCESS_CHANGED, PERSON_REGISTERED, PERSON_UPDATED, PERSONS_MERGED,
            PERSONS_UNMERGED, LOCATION_REGISTERED, LOCATION_UPDATED, DUPLICATE_SUSPECTED, REPEAT_PRESENTATION_FLAGGED,
            TASK_CREATED, TASK_ASSIGNED, TASK_ACCEPTED, TASK_STARTED, TASK_DECLINED, TASK_UPDATED,
            TASK_COMPLETED, TASK_CANCELLED, TASK_DUE_SOON, TASK_OVERDUE, TASK_ESCALATED, TASK_CASE_CLOSED, PARTNER_ACCESS_REVOKED, ACCESS_REQUESTED,
            ACCESS_REQUEST_DECIDED, DIRECTORY_ENTRY_CHANGED, NOTIFICATION_CREATED, AUDIT_RECORDED);

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
