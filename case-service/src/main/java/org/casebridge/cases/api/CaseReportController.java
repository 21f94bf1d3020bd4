package org.casebridge.cases.api;

import java.time.Instant;
import java.util.List;

import org.casebridge.cases.app.CaseQueries;
import org.casebridge.cases.domain.PartnershipCounts;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Figures for the partnership's meetings and returns: counts only, never a person or a case. */
@RestController
@RequestMapping("/api/v1/cases/reports")
class CaseReportController {

    private final CaseQueries queries;

    CaseReportController(CaseQueries queries) {
        this.queries = queries;
    }

    record Counts(Instant from, Instant to, List<PartnershipCounts.Row> rows) {
    }

    @Operation(summary = "Cases opened, closed and live per organisation and type over a period (analysts, supervisors)")
    @GetMapping("/counts")
    Counts counts(CurrentUser user, @RequestParam Instant from, @RequestParam Instant to) {
        return new Counts(from, to, queries.counts(user, from, to));
    }
}
