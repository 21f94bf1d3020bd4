package org.casebridge.cases.inbound.domain;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * What became of an inbound record, as its reply says: ACCEPTED (with the case, and the log entry for an incident) or
 * REJECTED with the reason. Kept by organisation and external id, so a record sent twice gets the same answer.
 */
public record InboundOutcome(@Id String id, String organisation, String externalId, String kind, String outcome,
        String reason, String caseId, String caseReference, String entryId, Instant decidedAt) {

    public static String idOf(String organisation, String externalId) {
        return organisation + "|" + externalId;
    }
}
