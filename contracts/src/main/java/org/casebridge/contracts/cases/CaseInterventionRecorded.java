package org.casebridge.contracts.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code casebridge.case.intervention-recorded.v1}: an intervention or enforcement action was recorded on a case, or
 * its status changed (e.g. a civil injunction IN_FORCE, then BREACHED). Subject = case id.
 */
public record CaseInterventionRecorded(String caseId, String reference, String interventionId, String type, String status,
        LocalDate startDate, LocalDate endDate, String recordedBy, String organisation, Instant recordedAt) {
}
