package org.casebridge.contracts.cases;

import java.time.Instant;

/** {@code casebridge.case.reopened.v1}: a closed case was reopened, with the reason. Subject = case id. */
public record CaseReopened(String caseId, String reference, String reason, String reopenedBy, String organisation,
        Instant reopenedAt) {
}
