package org.casebridge.cases.domain;

import java.time.Instant;
import java.util.Map;

/** One recorded risk assessment; every past one is kept, the newest is the case's current band. */
public record RiskAssessment(String id, Map<String, Integer> answers, int total, RiskMatrix.Band band, String assessedBy,
        String organisation, Instant assessedAt) {
}
