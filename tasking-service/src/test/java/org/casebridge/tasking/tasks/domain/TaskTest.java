package org.casebridge.tasking.tasks.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.casebridge.contracts.task.TaskAssigned;
import org.casebridge.contracts.task.TaskCaseClosed;
import org.casebridge.contracts.task.TaskCompleted;
import org.casebridge.contracts.task.TaskCreated;
import org.casebridge.contracts.task.TaskDueSoon;
import org.casebridge.contracts.task.TaskEscalated;
import org.casebridge.contracts.task.TaskOverdue;
import org.casebridge.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class TaskTest {

    private final Instant monday = Instant.parse("2026-06-01T09:00:00Z");
    private final Actor jo = new Actor("jo.smith", "STOCKTON_CST",
            List.of("user:jo.smith", "team:STOCKTON_ASB", "org:STOCKTON_CST"), Set.of());
    private final Actor pc = new Actor("pc.adams", "CLEVELAND_POLICE",
            List.of("user:pc.adams", "team:CP_STOCKTON_NPT", "org:CLEVELAND_POLICE"), Set.of());
    private final Actor sergeant = new Actor("sgt.lowe", "CLEVELAND_POLICE",
            List.of("user:sgt.lowe", "team:CP_STOCKTON_NPT", "org:CLEVELAND_POLICE"), Set.of(Actor.SUPERVISOR));
    private final Assignee policeTeam = new Assignee(Assignee.Kind.TEAM, "CP_STOCKTON_NPT", "CLEVELAND_POLICE");
    private final Assignee pcAdams = new Assignee(Assignee.Kind.USER, "pc.adams", "CLEVELAND_POLICE");
    private final Task.CaseRights shared = new Task.CaseRights(true, true, true);

    private Task setFor(Assignee assignee, LocalDate due) {
        return Task.create("t1", new Task.NewTask(Task.SubjectKind.CASE, "c1", "Patrol Elm Road", null, Task.Priority.HIGH,
                due, assignee, null), jo, shared, monday);
    }

    private static DomainException.Kind kindOf(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.kind();
        }
        throw new AssertionError("expected a DomainException");
    }

    @Test
    void aTaskGoesFromNewToDoneWithAnOutcome() {
        Task task = setFor(pcAdams, null);
        assertThat(task.newEvents()).singleElement().isInstanceOf(TaskCreated.class);
        task.accept(pc, monday);
        task.start(pc, monday);
        task.postUpdate("Visited twice, no answer", pc, monday);
        assertThat(kindOf(() -> task.complete(" ", pc, monday))).isEqualTo(DomainException.Kind.INVALID);
        task.complete("Spoke to the family; warning given", pc, monday.plus(Duration.ofHours(5)));

        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        assertThat(task.version()).isEqualTo(5);
        assertThat(task.newEvents()).last().isInstanceOfSatisfying(TaskCompleted.class,
                e -> assertThat(e.outcome()).isEqualTo("Spoke to the family; warning given"));
        assertThat(kindOf(() -> task.cancel("Not needed", jo, monday))).isEqualTo(DomainException.Kind.CONFLICT);
    }

    @Test
    void transitionsTheLifecycleDoesNotAllowAreConflicts() {
        Task task = setFor(pcAdams, null);
        assertThat(kindOf(() -> task.start(pc, monday))).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(kindOf(() -> task.complete("Done", pc, monday))).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(kindOf(() -> task.accept(jo, monday))).isEqualTo(DomainException.Kind.FORBIDDEN);
        task.decline("Not a police matter", pc, monday);
        assertThat(kindOf(() -> task.accept(pc, monday))).isEqualTo(DomainException.Kind.CONFLICT);
    }

    @Test
    void onlyTheCreatorCancels() {
        Task task = setFor(pcAdams, null);
        assertThat(kindOf(() -> task.cancel("No", pc, monday))).isEqualTo(DomainException.Kind.FORBIDDEN);
        task.cancel("Resolved by a phone call", jo, monday);
        assertThat(task.status()).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void aPartnerIsOnlyTaskedOnACaseTheyMayContributeTo() {
        assertThatThrownBy(() -> Task.create("t1", new Task.NewTask(Task.SubjectKind.CASE, "c1", "Patrol", null, null, null,
                policeTeam, null), jo, new Task.CaseRights(true, true, false), monday))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("CLEVELAND_POLICE").contains("CONTRIBUTE");
                });
        assertThat(kindOf(() -> Task.create("t1", new Task.NewTask(Task.SubjectKind.CASE, "c1", "Patrol", null, null, null,
                policeTeam, null), jo, new Task.CaseRights(false, false, true), monday))).isEqualTo(DomainException.Kind.NOT_FOUND);
    }

    @Test
    void aTeamTaskIsAllocatedByItsSupervisorBeforeAnyoneAcceptsIt() {
        Task task = setFor(policeTeam, null);
        assertThat(kindOf(() -> task.accept(pc, monday))).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(kindOf(() -> task.allocate("pc.adams", pc, monday))).isEqualTo(DomainException.Kind.FORBIDDEN);
        task.allocate("pc.adams", sergeant, monday);
        assertThat(task.assignee()).isEqualTo(pcAdams);
        assertThat(task.newEvents()).last().isInstanceOfSatisfying(TaskAssigned.class,
                e -> assertThat(e.previous().kind()).isEqualTo("TEAM"));
        task.accept(pc, monday);
        assertThat(task.status()).isEqualTo(TaskStatus.ACCEPTED);
    }

    @Test
    void remindedBeforeDueThenOverdueThenEscalatedOnceEach() {
        Task task = setFor(pcAdams, LocalDate.parse("2026-06-10"));
        assertThat(task.checkDeadline(monday, 2, 3)).isFalse();
        assertThat(task.checkDeadline(Instant.parse("2026-06-08T07:00:00Z"), 2, 3)).isTrue();
        assertThat(task.newEvents()).last().isInstanceOf(TaskDueSoon.class);
        assertThat(task.checkDeadline(Instant.parse("2026-06-09T07:00:00Z"), 2, 3)).isFalse();
        assertThat(task.checkDeadline(Instant.parse("2026-06-10T23:00:00Z"), 2, 3)).isFalse();
        assertThat(task.checkDeadline(Instant.parse("2026-06-11T07:00:00Z"), 2, 3)).isTrue();
        assertThat(task.newEvents()).last().isInstanceOf(TaskOverdue.class);
        assertThat(task.checkDeadline(Instant.parse("2026-06-13T07:00:00Z"), 2, 3)).isFalse();
        assertThat(task.checkDeadline(Instant.parse("2026-06-14T07:00:00Z"), 2, 3)).isTrue();
        assertThat(task.newEvents()).last().isInstanceOfSatisfying(TaskEscalated.class,
                e -> assertThat(e.daysOverdue()).isEqualTo(4));
        assertThat(task.checkDeadline(Instant.parse("2026-07-14T07:00:00Z"), 2, 3)).isFalse();
    }

    @Test
    void aClosedCaseFlagsItsOpenTasksInsteadOfCancellingThem() {
        Task task = setFor(pcAdams, null);
        assertThat(task.caseClosed("jo.smith", monday)).isTrue();
        assertThat(task.status()).isEqualTo(TaskStatus.NEW);
        assertThat(task.newEvents()).last().isInstanceOf(TaskCaseClosed.class);
        assertThat(task.caseClosed("jo.smith", monday)).isFalse();
    }

    @Test
    void aTaskCannotBeDueInThePast() {
        assertThat(kindOf(() -> setFor(pcAdams, LocalDate.parse("2026-05-31")))).isEqualTo(DomainException.Kind.INVALID);
    }
}
