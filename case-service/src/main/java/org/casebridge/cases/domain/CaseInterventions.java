package org.casebridge.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.casebridge.platform.domain.DomainException;

/** The interventions and enforcement actions taken on one case, and where each stands: their rules, for {@link Case}. */
final class CaseInterventions {

    private final List<Intervention> interventions;

    CaseInterventions(List<Intervention> stored) {
        this.interventions = new ArrayList<>(stored);
    }

    /** Its end date cannot come before its start. */
    Intervention record(Actor actor, String interventionId, Intervention.Type type, Intervention.Status status,
            LocalDate startDate, LocalDate endDate, String notes, Instant now) {
        Intervention intervention = new Intervention(interventionId, type, status, startDate, checkDates(startDate, endDate),
                notes, actor.userId(), actor.organisation(), now);
        interventions.add(intervention);
        return intervention;
    }

    /** Moves an intervention on (e.g. an injunction from IN_FORCE to BREACHED); what is not given stays as it was. */
    Intervention update(CaseReference reference, Actor actor, String interventionId, Intervention.Status status,
            LocalDate endDate, String notes, Instant now) {
        for (int i = 0; i < interventions.size(); i++) {
            Intervention old = interventions.get(i);
            if (old.id().equals(interventionId)) {
                Intervention updated = new Intervention(old.id(), old.type(), status == null ? old.status() : status,
                        old.startDate(), checkDates(old.startDate(), endDate == null ? old.endDate() : endDate),
                        notes == null ? old.notes() : notes, actor.userId(), actor.organisation(), now);
                interventions.set(i, updated);
                return updated;
            }
        }
        throw DomainException.notFound("Intervention " + interventionId + " on case " + reference);
    }

    List<Intervention> all() {
        return List.copyOf(interventions);
    }

    private static LocalDate checkDates(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw DomainException.invalid("An intervention cannot end (" + end + ") before it starts (" + start + ").");
        }
        return end;
    }
}
