package org.casebridge.cases.domain;

import java.time.Instant;

/** How and when a case was last closed. */
public record Closure(CaseOutcome outcome, String summary, String closedBy, Instant closedAt) {
}
