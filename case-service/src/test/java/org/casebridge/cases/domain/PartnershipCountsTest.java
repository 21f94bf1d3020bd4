package org.casebridge.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.casebridge.cases.domain.PartnershipCounts.CaseFacts;
import org.casebridge.cases.domain.PartnershipCounts.Row;
import org.junit.jupiter.api.Test;

class PartnershipCountsTest {

    private static Instant at(String date) {
        return Instant.parse(date + "T12:00:00Z");
    }

    @Test
    void countsOpenedClosedAndLivePerOrganisationAndType() {
        List<CaseFacts> cases = List.of(
                new CaseFacts("STOCKTON_CST", "ASB_PERSONAL", at("2026-01-10"), null),
                new CaseFacts("STOCKTON_CST", "ASB_PERSONAL", at("2026-02-10"), at("2026-02-20")),
                new CaseFacts("STOCKTON_CST", "ASB_PERSONAL", at("2025-12-01"), at("2026-04-01")),
                new CaseFacts("CLEVELAND_POLICE", "HATE_INCIDENT", at("2025-11-01"), at("2025-12-01")));

        List<Row> rows = PartnershipCounts.count(cases, at("2026-01-01"), at("2026-03-01"));

        assertThat(rows).containsExactly(new Row("STOCKTON_CST", "ASB_PERSONAL", 2, 1, 2));
    }

    @Test
    void aPeriodMustEndAfterItStarts() {
        assertThatThrownBy(() -> PartnershipCounts.count(List.of(), at("2026-03-01"), at("2026-01-01")))
                .hasMessageContaining("end after");
    }
}
