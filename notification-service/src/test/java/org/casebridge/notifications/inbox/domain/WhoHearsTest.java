package org.casebridge.notifications.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseRiskAssessed;
import org.casebridge.contracts.notification.NotificationCreated;
import org.casebridge.contracts.task.TaskSummary;
import org.casebridge.notifications.inbox.domain.Notification.Draft;
import org.casebridge.notifications.inbox.domain.Notification.Kind;
import org.junit.jupiter.api.Test;

class WhoHearsTest {

    private final Instant now = Instant.parse("2026-05-03T09:00:00Z");
    private final CaseLead lead = new CaseLead("c1", "ASB-2026-000007", "STOCKTON_CST", "raj.patel");

    @Test
    void theLeadOfficerOfANewCaseIsToldUnlessTheyOpenedItThemselves() {
        CaseOpened byJo = new CaseOpened("c1", "ASB-2026-000007", "ASB_PERSONAL", false, "Noise at Elm Road", "OPEN",
                "STOCKTON_CST", "raj.patel", null, "jo.smith", now);
        assertThat(WhoHears.caseOpened(byJo)).singleElement().satisfies(d -> {
            assertThat(d.recipient()).isEqualTo("user:raj.patel");
            assertThat(d.title()).isEqualTo("You are the lead officer for ASB-2026-000007: Noise at Elm Road");
        });
        CaseOpened byRaj = new CaseOpened("c1", "ASB-2026-000007", "ASB_PERSONAL", false, "Noise", "OPEN", "STOCKTON_CST",
                "raj.patel", null, "raj.patel", now);
        assertThat(WhoHears.caseOpened(byRaj)).isEmpty();

        Notification n = Notification.create("n1", WhoHears.caseOpened(byJo).get(0), now);
        assertThat(n.isReadBy("raj.patel")).isFalse();
        assertThat(n.newEvents()).singleElement().isInstanceOfSatisfying(NotificationCreated.class,
                e -> assertThat(e.recipient()).isEqualTo("user:raj.patel"));
    }

    @Test
    void partnersNewlyGivenAccessHearOnceAndTheOwnerNever() {
        CaseAccessChanged decision = new CaseAccessChanged("c1", "ASB_PERSONAL", "STOCKTON_CST", false, List.of(
                new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null),
                new Grant(PrincipalKind.TEAM, "CP_STOCKTON_NPT", AccessLevel.CONTRIBUTE, null),
                new Grant(PrincipalKind.ORGANISATION, "THIRTEEN_GROUP", AccessLevel.VIEW, null)), now);

        List<Draft> first = WhoHears.shared(decision, Set.of(), "ASB-2026-000007");
        assertThat(first).extracting(Draft::recipient).containsExactly("team:CP_STOCKTON_NPT", "org:THIRTEEN_GROUP");
        assertThat(first.get(0).title()).isEqualTo("ASB-2026-000007 was shared with your team CP_STOCKTON_NPT by STOCKTON_CST at CONTRIBUTE level");
        assertThat(WhoHears.shared(decision, Set.of("team:CP_STOCKTON_NPT", "org:THIRTEEN_GROUP"), "ASB-2026-000007"))
                .isEmpty();
    }

    @Test
    void aRestrictedCaseIsOnlyAnnouncedToNamedUsers() {
        CaseAccessChanged decision = new CaseAccessChanged("c1", "DOMESTIC_ABUSE", "STOCKTON_CST", true, List.of(
                new Grant(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", AccessLevel.VIEW, null),
                new Grant(PrincipalKind.USER, "pc.adams", AccessLevel.VIEW, null)), now);
        assertThat(WhoHears.shared(decision, Set.of(), null)).singleElement().satisfies(d -> {
            assertThat(d.recipient()).isEqualTo("user:pc.adams");
            assertThat(d.title()).startsWith("A domestic abuse case was shared with you");
        });
    }

    @Test
    void theLeadHearsOfOthersEntriesAHighRiskAssessmentAndAClosureByAnotherOfficer() {
        assertThat(WhoHears.logEntry(new CaseLogEntryAdded("c1", "ASB-2026-000007", "e1", "VISIT", "PARTNERSHIP", null,
                "pc.adams", "CLEVELAND_POLICE", now), lead)).extracting(Draft::kind).containsExactly(Kind.CASE_UPDATED);
        assertThat(WhoHears.logEntry(new CaseLogEntryAdded("c1", "ASB-2026-000007", "e1", "NOTE", "PARTNERSHIP", null,
                "raj.patel", "STOCKTON_CST", now), lead)).isEmpty();

        List<Draft> risk = WhoHears.riskAssessed(new CaseRiskAssessed("c1", "ASB-2026-000007", "a1", 27, "HIGH", "MEDIUM",
                "jo.smith", "STOCKTON_CST", now), lead);
        assertThat(risk).extracting(Draft::recipient).containsExactly("user:raj.patel", "supervisors:STOCKTON_CST");
        assertThat(WhoHears.riskAssessed(new CaseRiskAssessed("c1", "ASB-2026-000007", "a2", 28, "HIGH", "HIGH",
                "jo.smith", "STOCKTON_CST", now), lead)).isEmpty();

        assertThat(WhoHears.closed(new CaseClosed("c1", "ASB-2026-000007", "OPEN", "RESOLVED", "Sorted", "jo.smith",
                "STOCKTON_CST", now), lead)).extracting(Draft::kind).containsExactly(Kind.CASE_CLOSED_BY_OTHER);
        assertThat(WhoHears.closed(new CaseClosed("c1", "ASB-2026-000007", "OPEN", "RESOLVED", "Sorted", "raj.patel",
                "STOCKTON_CST", now), lead)).isEmpty();
    }

    @Test
    void bothOrganisationsHoldingASuspectedDuplicateAreAskedToReviewItWithoutNames() {
        List<Draft> drafts = WhoHears.duplicateSuspected(new org.casebridge.contracts.party.DuplicateSuspected("a-b",
                List.of("CLEVELAND_POLICE", "STOCKTON_CST"), 91, now));
        assertThat(drafts).extracting(Draft::recipient).containsExactly("org:CLEVELAND_POLICE", "org:STOCKTON_CST");
        assertThat(drafts.get(0).title()).contains("91").doesNotContain("a-b");
    }

    @Test
    void theOwnersSupervisorsHearOfAnAccessRequestAndTheRequesterOfTheAnswer() {
        assertThat(WhoHears.accessRequested(new org.casebridge.contracts.sharing.AccessRequested("r1", "c1", "ASB_PERSONAL",
                "CLEVELAND_POLICE", "jo.smith", "STOCKTON_CST", now), "ASB-2026-000007")).singleElement().satisfies(d -> {
                    assertThat(d.recipient()).isEqualTo("supervisors:CLEVELAND_POLICE");
                    assertThat(d.title()).contains("jo.smith").contains("ASB-2026-000007");
                });
        Draft declined = WhoHears.accessRequestDecided(new org.casebridge.contracts.sharing.AccessRequestDecided("r1", "c1",
                "jo.smith", "STOCKTON_CST", "DECLINED", null, null, "sgt.lowe", "CLEVELAND_POLICE", now), "ASB-2026-000007").get(0);
        assertThat(declined.recipient()).isEqualTo("user:jo.smith");
        assertThat(declined.caseId()).as("no link to a case they still cannot open").isNull();
        Draft approved = WhoHears.accessRequestDecided(new org.casebridge.contracts.sharing.AccessRequestDecided("r1", "c1",
                "jo.smith", "STOCKTON_CST", "APPROVED", "VIEW", Instant.parse("2026-08-01T00:00:00Z"), "sgt.lowe",
                "CLEVELAND_POLICE", now), "ASB-2026-000007").get(0);
        assertThat(approved.title()).contains("approved").contains("VIEW until 2026-08-01");
        assertThat(approved.caseId()).isEqualTo("c1");
    }

    @Test
    void tasksReachTheirAssigneeTheCreatorWhenOverdueAndSupervisorsOnEscalation() {
        TaskSummary task = new TaskSummary("t1", "c1", "CASE", "c1", "Patrol Elm Road", "HIGH", LocalDate.of(2026, 5, 10),
                new TaskSummary.Assignee("TEAM", "CP_STOCKTON_NPT", "CLEVELAND_POLICE"), "NEW", "jo.smith", "STOCKTON_CST");
        assertThat(WhoHears.taskAssigned(task, "jo.smith")).singleElement().satisfies(d -> {
            assertThat(d.recipient()).isEqualTo("team:CP_STOCKTON_NPT");
            assertThat(d.title()).isEqualTo("jo.smith set you a high priority task: Patrol Elm Road (due 2026-05-10)");
        });
        assertThat(WhoHears.taskOverdue(task)).extracting(Draft::recipient)
                .containsExactly("team:CP_STOCKTON_NPT", "user:jo.smith");
        assertThat(WhoHears.taskEscalated(task, 4)).extracting(Draft::recipient).containsExactly("supervisors:CLEVELAND_POLICE");

        TaskSummary ownTask = new TaskSummary("t2", null, "PERSON", "p1", "Call back", "NORMAL", null,
                new TaskSummary.Assignee("USER", "jo.smith", "STOCKTON_CST"), "NEW", "jo.smith", "STOCKTON_CST");
        assertThat(WhoHears.taskAssigned(ownTask, "jo.smith")).isEmpty();
        assertThat(WhoHears.taskCaseClosed(ownTask)).extracting(Draft::recipient).containsExactly("user:jo.smith");
    }
}
