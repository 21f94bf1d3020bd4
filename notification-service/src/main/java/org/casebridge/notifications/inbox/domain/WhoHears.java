package org.casebridge.notifications.inbox.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseReviewThresholdMet;
import org.casebridge.contracts.cases.CaseRiskAssessed;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.contracts.party.RepeatPresentationFlagged;
import org.casebridge.contracts.task.TaskSummary;
import org.casebridge.notifications.inbox.domain.Notification.Draft;
import org.casebridge.notifications.inbox.domain.Notification.Kind;

/**
 * Who must hear what happened, in one place. Titles name the case by its reference and say what happened; they carry
 * no personal data beyond what the recipient may see, and nobody is told of their own action.
 */
public final class WhoHears {

    private WhoHears() {
    }

    public static String user(String id) {
        return "user:" + id;
    }

    public static String supervisorsOf(String organisation) {
        return "supervisors:" + organisation;
    }

    public static List<Draft> caseOpened(CaseOpened opened) {
        if (opened.leadOfficer() == null || opened.leadOfficer().equals(opened.openedBy())) {
            return List.of();
        }
        return List.of(new Draft(user(opened.leadOfficer()), opened.ownerOrganisation(), Kind.CASE_LEAD_ASSIGNED,
                "You are the lead officer for %s: %s".formatted(opened.reference(), opened.title()), opened.caseId(),
                opened.reference(), null));
    }

    public static List<Draft> leadChanged(CaseLead lead, String newLead, String changedBy) {
        if (newLead == null || newLead.equals(changedBy)) {
            return List.of();
        }
        return List.of(new Draft(user(newLead), lead.ownerOrganisation(), Kind.CASE_LEAD_ASSIGNED,
                "You are now the lead officer for " + lead.reference(), lead.caseId(), lead.reference(), null));
    }

    public static List<Draft> reviewDue(CaseReviewThresholdMet met) {
        return List.of(new Draft(user(met.leadOfficer()), met.ownerOrganisation(), Kind.CASE_REVIEW_DUE,
                "ASB Case Review due on %s: the victim has complained %d times in %d months across the partnership"
                        .formatted(met.reference(), met.complaints(), met.windowMonths()),
                met.caseId(), met.reference(), null));
    }

    public static List<Draft> transferred(CaseTransferred t) {
        if (t.leadOfficer() == null || t.leadOfficer().equals(t.acceptedBy())) {
            return List.of();
        }
        return List.of(new Draft(user(t.leadOfficer()), t.toOrganisation(), Kind.CASE_TRANSFERRED_TO_YOU,
                "You now lead %s, transferred from %s".formatted(t.reference(), t.fromOrganisation()), t.caseId(),
                t.reference(), null));
    }

    /** Someone else wrote on a case I lead. */
    public static List<Draft> logEntry(CaseLogEntryAdded entry, CaseLead lead) {
        if (lead == null || lead.leadOfficer() == null || lead.leadOfficer().equals(entry.author())) {
            return List.of();
        }
        return List.of(new Draft(user(lead.leadOfficer()), lead.ownerOrganisation(), Kind.CASE_UPDATED,
                "New %s entry on %s by %s (%s)".formatted(entry.kind().toLowerCase().replace('_', ' '), entry.reference(),
                        entry.author(), entry.organisation()), entry.caseId(), entry.reference(), null));
    }

    /** A case became high risk: its lead officer and the owner's supervisors hear of it. */
    public static List<Draft> riskAssessed(CaseRiskAssessed assessed, CaseLead lead) {
        if (!"HIGH".equals(assessed.band()) || "HIGH".equals(assessed.previousBand()) || lead == null) {
            return List.of();
        }
        String title = "%s was assessed HIGH risk (score %d) by %s".formatted(assessed.reference(), assessed.total(),
                assessed.assessedBy());
        List<Draft> drafts = new ArrayList<>();
        if (lead.leadOfficer() != null && !lead.leadOfficer().equals(assessed.assessedBy())) {
            drafts.add(new Draft(user(lead.leadOfficer()), lead.ownerOrganisation(), Kind.CASE_HIGH_RISK, title,
                    assessed.caseId(), assessed.reference(), null));
        }
        drafts.add(new Draft(supervisorsOf(lead.ownerOrganisation()), lead.ownerOrganisation(), Kind.CASE_HIGH_RISK, title,
                assessed.caseId(), assessed.reference(), null));
        return drafts;
    }

    public static List<Draft> closed(CaseClosed closed, CaseLead lead) {
        if (lead == null || lead.leadOfficer() == null || lead.leadOfficer().equals(closed.closedBy())) {
            return List.of();
        }
        return List.of(new Draft(user(lead.leadOfficer()), lead.ownerOrganisation(), Kind.CASE_CLOSED_BY_OTHER,
                "%s, which you lead, was closed by %s (%s): %s".formatted(closed.reference(), closed.closedBy(),
                        closed.organisation(), closed.outcome()), closed.caseId(), closed.reference(), null));
    }

    /** Partners newly given access hear that a case was shared with them; the owner does not. */
    public static List<Draft> shared(CaseAccessChanged decision, Set<String> alreadyTold, String reference) {
        List<Draft> drafts = new ArrayList<>();
        String name = reference != null ? reference : "A " + decision.caseType().toLowerCase().replace('_', ' ') + " case";
        for (CaseAccessChanged.Grant grant : decision.grants()) {
            String principal = principal(grant);
            if (principal.equals("org:" + decision.ownerOrganisation()) || alreadyTold.contains(principal)) {
                continue;
            }
            if (decision.restricted() && grant.kind() != CaseAccessChanged.PrincipalKind.USER) {
                continue;
            }
            String whom = switch (grant.kind()) {
                case USER -> "you";
                case TEAM -> "your team " + grant.id();
                case ORGANISATION -> "your organisation";
            };
            drafts.add(new Draft(principal, grant.kind() == CaseAccessChanged.PrincipalKind.ORGANISATION ? grant.id() : null,
                    Kind.CASE_SHARED, "%s was shared with %s by %s at %s level".formatted(name, whom,
                            decision.ownerOrganisation(), grant.level()), decision.caseId(), reference, null));
        }
        return drafts;
    }

    public static String principal(CaseAccessChanged.Grant grant) {
        return switch (grant.kind()) {
            case USER -> "user:" + grant.id();
            case TEAM -> "team:" + grant.id();
            case ORGANISATION -> "org:" + grant.id();
        };
    }

    /** Lead officers of the cases the person presented on hear of the pattern no single agency could see. */
    public static List<Draft> repeatPresentation(RepeatPresentationFlagged flag, Collection<CaseLead> leads) {
        Map<String, Draft> byLead = new LinkedHashMap<>();
        for (CaseLead lead : leads) {
            if (lead.leadOfficer() != null) {
                byLead.putIfAbsent(lead.leadOfficer(), new Draft(user(lead.leadOfficer()), lead.ownerOrganisation(),
                        Kind.REPEAT_PRESENTATION, "A person on %s has presented as a victim or complainant on %d cases in %d months across the partnership"
                                .formatted(lead.reference(), flag.count(), flag.months()),
                        lead.caseId(), lead.reference(), null));
            }
        }
        return List.copyOf(byLead.values());
    }

    /** Each organisation holding one of a suspected pair of person records is asked to review it; no names. */
    public static List<Draft> duplicateSuspected(org.casebridge.contracts.party.DuplicateSuspected suspected) {
        return suspected.organisations().stream().map(org -> new Draft("org:" + org, org, Kind.DUPLICATE_SUSPECTED,
                "A person in your organisation's records may be recorded twice (match score %d): see the duplicate review list"
                        .formatted(suspected.score()), null, null, null)).toList();
    }

    /** The owner's supervisors decide access requests; the requester's reason stays in sharing-service. */
    public static List<Draft> accessRequested(org.casebridge.contracts.sharing.AccessRequested requested, String reference) {
        String name = reference != null ? reference : "a " + requested.caseType().toLowerCase().replace('_', ' ') + " case";
        return List.of(new Draft(supervisorsOf(requested.ownerOrganisation()), requested.ownerOrganisation(),
                Kind.ACCESS_REQUESTED, "%s (%s) asked for access to %s: approve or decline it in the access requests"
                        .formatted(requested.requestedBy(), requested.requesterOrganisation(), name),
                requested.caseId(), reference, null));
    }

    /** The requester hears the answer; a declined one carries no link to a case they still cannot open. */
    public static List<Draft> accessRequestDecided(org.casebridge.contracts.sharing.AccessRequestDecided decided,
            String reference) {
        String name = reference != null ? reference : "the case";
        boolean approved = "APPROVED".equals(decided.decision());
        String title = approved
                ? "Your request for access to %s was approved: %s until %s".formatted(name, decided.level(),
                        decided.expiresAt() == null ? "further notice" : decided.expiresAt().toString().substring(0, 10))
                : "Your request for access to %s was declined by %s; see your access requests for the reason"
                        .formatted(name, decided.ownerOrganisation());
        return List.of(new Draft(user(decided.requestedBy()), decided.requesterOrganisation(), Kind.ACCESS_REQUEST_DECIDED,
                title, approved ? decided.caseId() : null, approved ? reference : null, null));
    }

    public static List<Draft> taskAssigned(TaskSummary task, String by) {
        return taskAssigned(task, by, by);
    }

    /** @param byName what the person who set it goes by (their user id until the directory names them) */
    public static List<Draft> taskAssigned(TaskSummary task, String by, String byName) {
        if (isSelf(task.assignee(), by)) {
            return List.of();
        }
        return List.of(toAssignee(task, Kind.TASK_ASSIGNED, "%s set you a %s priority task: %s%s".formatted(byName,
                task.priority().toLowerCase(), task.title(), due(task))));
    }

    public static List<Draft> taskDueSoon(TaskSummary task) {
        return List.of(toAssignee(task, Kind.TASK_DUE_SOON, "Task due soon: %s%s".formatted(task.title(), due(task))));
    }

    public static List<Draft> taskOverdue(TaskSummary task) {
        String title = "Task overdue: %s%s".formatted(task.title(), due(task));
        return distinct(List.of(toAssignee(task, Kind.TASK_OVERDUE, title), toCreator(task, Kind.TASK_OVERDUE, title)));
    }

    public static List<Draft> taskEscalated(TaskSummary task, int daysOverdue) {
        return List.of(new Draft(supervisorsOf(task.assignee().organisation()), task.assignee().organisation(),
                Kind.TASK_ESCALATED, "Escalated: a task for %s is %d days overdue: %s".formatted(task.assignee().id(),
                        daysOverdue, task.title()), task.caseId(), null, task.taskId()));
    }

    public static List<Draft> taskCaseClosed(TaskSummary task) {
        String title = "The case of your open task was closed: %s. Decide whether it is still needed.".formatted(task.title());
        return distinct(List.of(toAssignee(task, Kind.TASK_CASE_CLOSED, title), toCreator(task, Kind.TASK_CASE_CLOSED, title)));
    }

    private static Draft toAssignee(TaskSummary task, Kind kind, String title) {
        String principal = switch (task.assignee().kind()) {
            case "USER" -> "user:" + task.assignee().id();
            case "TEAM" -> "team:" + task.assignee().id();
            default -> "org:" + task.assignee().organisation();
        };
        return new Draft(principal, task.assignee().organisation(), kind, title, task.caseId(), null, task.taskId());
    }

    private static Draft toCreator(TaskSummary task, Kind kind, String title) {
        return new Draft(user(task.createdBy()), task.createdByOrganisation(), kind, title, task.caseId(), null,
                task.taskId());
    }

    private static boolean isSelf(TaskSummary.Assignee assignee, String by) {
        return "USER".equals(assignee.kind()) && assignee.id().equals(by);
    }

    private static String due(TaskSummary task) {
        return task.dueDate() == null ? "" : " (due " + task.dueDate() + ")";
    }

    private static List<Draft> distinct(List<Draft> drafts) {
        Map<String, Draft> byRecipient = new LinkedHashMap<>();
        drafts.stream().filter(Objects::nonNull).forEach(d -> byRecipient.putIfAbsent(d.recipient(), d));
        return List.copyOf(byRecipient.values());
    }
}
