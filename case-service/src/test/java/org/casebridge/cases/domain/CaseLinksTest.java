package org.casebridge.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.casebridge.contracts.cases.CaseInterventionRecorded;
import org.casebridge.contracts.cases.CasePartyLinked;
import org.casebridge.contracts.cases.CaseRiskAssessed;
import org.casebridge.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class CaseLinksTest {

    private final Instant now = Instant.parse("2026-05-03T09:00:00Z");
    private final Actor jo = new Actor("jo.smith", "STOCKTON_CST");

    private Case aCase() {
        return Case.restore(Case.open("c1", new Case.CaseOpening(CaseType.ASB_PERSONAL, "Noise", null, "STOCKTON_CST",
                "jo.smith", null, null, false, null), (p, y) -> 1, now).snapshot());
    }

    @Test
    void aPersonCanHaveSeveralRolesButNotTheSameRoleTwice() {
        Case c = aCase();
        c.link(jo, Link.Target.PERSON, "p1", "VICTIM", now);
        c.link(jo, Link.Target.PERSON, "p1", "COMPLAINANT", now);

        assertThatThrownBy(() -> c.link(jo, Link.Target.PERSON, "p1", "VICTIM", now))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("already linked").contains("VICTIM");
                });
        assertThat(c.links()).hasSize(2);
        assertThat(c.newEvents()).first().isInstanceOfSatisfying(CasePartyLinked.class, e -> {
            assertThat(e.target()).isEqualTo("PERSON");
            assertThat(e.role()).isEqualTo("VICTIM");
        });
    }

    @Test
    void rolesMustFitWhatIsLinked() {
        Case c = aCase();
        assertThatThrownBy(() -> c.link(jo, Link.Target.PERSON, "p1", "VICTIM_HOME", now)).hasMessageContaining("Roles:");
        assertThatThrownBy(() -> c.link(jo, Link.Target.LOCATION, "l1", "VICTIM", now)).isInstanceOf(DomainException.class);
        assertThat(c.link(jo, Link.Target.LOCATION, "l1", "INCIDENT_LOCATION", now).role()).isEqualTo("INCIDENT_LOCATION");
        assertThat(c.link(jo, Link.Target.CASE, "c2", null, now).role()).isEqualTo("RELATED");
        assertThatThrownBy(() -> c.link(jo, Link.Target.CASE, "c1", null, now)).hasMessageContaining("itself");
    }

    @Test
    void unlinkingRemovesOnlyThatRole() {
        Case c = aCase();
        c.link(jo, Link.Target.PERSON, "p1", "VICTIM", now);
        c.link(jo, Link.Target.PERSON, "p1", "WITNESS", now);
        c.unlink(jo, Link.Target.PERSON, "p1", "WITNESS", now);
        assertThat(c.links()).extracting(Link::role).containsExactly("VICTIM");
        assertThatThrownBy(() -> c.unlink(jo, Link.Target.PERSON, "p1", "WITNESS", now))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }

    @Test
    void everyAssessmentIsKeptAndTheNewestGivesTheBand() {
        Case c = aCase();
        assertThat(c.currentRiskBand()).isNull();
        Map<String, Integer> answers = new HashMap<>();
        RiskMatrix.QUESTIONS.forEach(q -> answers.put(q.code(), 2));
        c.assessRisk(jo, "r1", answers, now);
        RiskMatrix.QUESTIONS.forEach(q -> answers.put(q.code(), 0));
        c.assessRisk(jo, "r2", answers, now);

        assertThat(c.riskAssessments()).extracting(RiskAssessment::band).containsExactly(RiskMatrix.Band.HIGH, RiskMatrix.Band.STANDARD);
        assertThat(c.currentRiskBand()).isEqualTo(RiskMatrix.Band.STANDARD);
        assertThat(c.newEvents().get(1)).isInstanceOfSatisfying(CaseRiskAssessed.class,
                e -> assertThat(e.previousBand()).isEqualTo("HIGH"));
    }

    @Test
    void interventionsMoveOnAndCannotEndBeforeTheyStart() {
        Case c = aCase();
        c.recordIntervention(jo, "i1", Intervention.Type.CIVIL_INJUNCTION, Intervention.Status.IN_FORCE,
                LocalDate.of(2026, 5, 1), null, "Granted at Teesside magistrates", now);
        Intervention breached = c.updateIntervention(jo, "i1", Intervention.Status.BREACHED, null, null, now);

        assertThat(breached.status()).isEqualTo(Intervention.Status.BREACHED);
        assertThat(breached.notes()).isEqualTo("Granted at Teesside magistrates");
        assertThat(c.interventions()).hasSize(1);
        assertThat(c.newEvents()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(CaseInterventionRecorded.class));
        assertThatThrownBy(() -> c.updateIntervention(jo, "i1", null, LocalDate.of(2026, 4, 1), null, now))
                .hasMessageContaining("cannot end");
        assertThatThrownBy(() -> c.updateIntervention(jo, "nope", Intervention.Status.COMPLETED, null, null, now))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aClosedCaseTakesNoNewLinksOrAssessments() {
        Case c = aCase();
        c.close(jo, CaseOutcome.RESOLVED, "Done", now);
        assertThatThrownBy(() -> c.link(jo, Link.Target.PERSON, "p1", "VICTIM", now)).hasMessageContaining("reopen");
        assertThatThrownBy(() -> c.assessRisk(jo, "r", Map.of(), now)).hasMessageContaining("reopen");
    }
}
