package org.casebridge.cases.domain;

import java.time.Instant;
import java.time.LocalDate;

/** An action taken on a case, from a warning letter to a closure order, and where it stands. */
public record Intervention(String id, Type type, Status status, LocalDate startDate, LocalDate endDate, String notes,
        String recordedBy, String organisation, Instant recordedAt) {

    public enum Type {
        WARNING_LETTER, ACCEPTABLE_BEHAVIOUR_CONTRACT, COMMUNITY_PROTECTION_WARNING, COMMUNITY_PROTECTION_NOTICE,
        CIVIL_INJUNCTION, CRIMINAL_BEHAVIOUR_ORDER_APPLICATION, CLOSURE_ORDER, MEDIATION, SUPPORT_REFERRAL, OTHER
    }

    public enum Status { PLANNED, ISSUED, IN_FORCE, BREACHED, COMPLETED, WITHDRAWN, REFUSED }
}
