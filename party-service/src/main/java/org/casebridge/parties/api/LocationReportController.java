package org.casebridge.parties.api;

import org.casebridge.parties.app.LocationQueries;
import org.casebridge.parties.domain.ConcernFigures;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Figures about places for the partnership's meetings: counts only, never an address or a reason for concern. */
@RestController
@RequestMapping("/api/v1/parties/reports")
class LocationReportController {

    private final LocationQueries queries;

    LocationReportController(LocationQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "Locations of concern now, counted by postcode district and kind of place (analysts, supervisors)")
    @GetMapping("/locations-of-concern")
    ConcernFigures locationsOfConcern(CurrentUser user) {
        return queries.concernFigures(user);
    }
}
