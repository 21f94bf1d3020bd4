package org.casebridge.cases.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.casebridge.cases.domain.PartnershipCounts;
import org.casebridge.cases.store.MongoCases;
import org.casebridge.platform.domain.DomainException;
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

    private static final Set<String> MAY_COUNT = Set.of("ANALYST", "PARTNERSHIP_ADMIN", "SUPERVISOR");

    private final MongoCases cases;

    CaseReportController(MongoCases cases) {
        this.cases = cases;
    }

    record Counts(Instant from, Instant to, List<PartnershipCounts.Row> rows) {
    }

    @Operation(summary = "Cases opened, closed and live per organisation and type over a period (analysts, supervisors)")
    @GetMapping("/counts")
    Counts counts(CurrentUser user, @RequestParam Instant from, @RequestParam Instant to) {
        if (user.roles().stream().noneMatch(MAY_COUNT::contains)) {
            throw DomainException.forbidden("Partnership counts are for analysts, supervisors and partnership administrators.");
        }
        return new Counts(from, to, PartnershipCounts.count(cases.factsOpenedBefore(to), from, to));
    }
}
