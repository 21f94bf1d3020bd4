package org.casebridge.tasking.tasks.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.casebridge.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class TaskTest {

    private final Instant may2026 = Instant.parse("2026-05-03T09:00:00Z");
    private final String caseId = "0123456789abcdef01234567";

    private Task.NewTask visit(String assignee) {
        return new Task.NewTask(caseId, "  Visit the complainant at 12 Elm Road ", assignee, "jo.smith", "STOCKTON_CST");
    }

    @Test
    void aContributorSetsANewTask() {
        Task task = Task.create("t1", visit("raj.patel"), true, true, may2026);
        assertThat(task.status()).isEqualTo(TaskStatus.NEW);
        assertThat(task.version()).isEqualTo(1);
        assertThat(task.title()).isEqualTo("Visit the complainant at 12 Elm Road");
        assertThat(task.assignee()).isEqualTo("raj.patel");
        assertThat(task.createdBy()).isEqualTo("jo.smith");
        assertThat(task.organisation()).isEqualTo("STOCKTON_CST");
        assertThat(task.createdAt()).isEqualTo(may2026);
    }

    @Test
    void theCreatorDoesTheTaskUnlessTheyNameAColleague() {
        assertThat(Task.create("t2", visit(null), true, true, may2026).assignee()).isEqualTo("jo.smith");
    }

    @Test
    void aCaseTheCreatorCannotSeeDoesNotExistForThem() {
        assertThatThrownBy(() -> Task.create("t3", visit("raj.patel"), false, false, may2026))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("Case " + caseId + " not found");
                });
    }

    @Test
    void viewingACaseIsNotEnoughToSetTasksOnIt() {
        assertThatThrownBy(() -> Task.create("t4", visit("raj.patel"), true, false, may2026))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    }

    @Test
    void itsAssigneeAlwaysSeesATaskOthersOnlyWhileTheyMaySeeTheCase() {
        Task task = Task.create("t5", visit("raj.patel"), true, true, may2026);
        assertThat(task.isVisibleTo("raj.patel", false)).isTrue();
        assertThat(task.isVisibleTo("pc.adams", true)).isTrue();
        assertThat(task.isVisibleTo("pc.adams", false)).isFalse();
    }
}
