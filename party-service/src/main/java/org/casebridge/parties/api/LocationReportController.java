package org.casebridge.parties.api;

import java.util.Set;

import org.casebridge.parties.domain.ConcernFigures;
import org.casebridge.parties.store.MongoLocations;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Figures about places for the partnership's meetings: counts only, never an address or a reason for concern. */
@RestController
@RequestMapping("/api/v1/parties/reports")
class LocationReportController {

    private static final Set<String> MAY_COUNT = Set.of("ANALYST", "PARTNERSHIP_ADMIN", "SUPERVISOR");

    private final MongoLocations locations;

    LocationReportController(MongoLocations locations) {
        this.locations = locations;
    }

    @Operation(summary = "Locations of concern now, counted by postcode district and kind of place (analysts, supervisors)")
    @GetMapping("/locations-of-concern")
    ConcernFigures locationsOfConcern(CurrentUser user) {
        if (user.roles().stream().noneMatch(MAY_COUNT::contains)) {
            throw DomainException.forbidden("Location figures are for analysts, supervisors and partnership administrators.");
        }
        return ConcernFigures.count(locations.ofConcern());
    }
}
