package org.casebridge.cases.domain;

import java.time.Instant;

/** An offer of a case's lead to another organisation, waiting for it to accept or decline. */
public record TransferOffer(String toOrganisation, String reason, String offeredBy, Instant offeredAt) {
}
