package org.casebridge.parties.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.casebridge.parties.app.LocationCommands;
import org.casebridge.parties.app.LocationQueries;
import org.casebridge.parties.domain.Location;
import org.casebridge.platform.aggregate.Expectation;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Places: register, read, correct, make or stop being a location of concern, and find by postcode, street or radius.
 * Everyone in the partnership sees a place; only those who look after it change it or read why it is of concern, and
 * each of those changes and reads is audited ({@link LocationCommands}, {@link LocationQueries}).
 */
@RestController
@RequestMapping("/api/v1/parties/locations")
@Validated
class LocationController {

    private final LocationCommands commands;
    private final LocationQueries queries;

    LocationController(LocationCommands commands, LocationQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record LocationRequest(@Size(max = 200) String name, @Size(max = 6) List<@Size(max = 200) String> addressLines,
            @Size(max = 10) String postcode, @Size(max = 12) String uprn, Double latitude, Double longitude,
            @NotNull Location.Type type) {
        Location.Details details() {
            return new Location.Details(name, addressLines, postcode, uprn, latitude, longitude, type);
        }
    }

    record ConcernRequest(@NotEmpty @Size(max = 10) List<@Size(max = 500) String> reasons, @NotNull LocalDate reviewDate) {
    }

    /**
     * @param concernReasonsWithheld true when the place is of concern but the caller does not look after it: the
     *     reasons (which can be personal data) are left out, the rest of the concern is shown
     */
    record LocationView(String id, String name, List<String> addressLines, String postcode, String uprn, Double latitude,
            Double longitude, Location.Type type, Location.Concern concern, String registeredBy, String organisation,
            Instant registeredAt, long version, boolean concernReasonsWithheld) {
        static LocationView of(Location l, boolean showReasons) {
            Location.Details d = l.details();
            Location.Concern c = l.concern();
            boolean withheld = c != null && !showReasons;
            Location.Concern shown = withheld ? new Location.Concern(List.of(), c.reviewDate(), c.setBy(), c.organisation(),
                    c.since()) : c;
            return new LocationView(l.id(), d.name(), d.addressLines(), d.postcode(), d.uprn(), d.latitude(), d.longitude(),
                    d.type(), shown, l.registeredBy(), l.organisation(), l.registeredAt(), l.version(), withheld);
        }
    }

    record LocationPage(List<LocationView> items, String nextCursor) {
    }

    @Operation(summary = "Register a location")
    @PostMapping
    ResponseEntity<LocationView> register(@Valid @RequestBody LocationRequest request, CurrentUser user) {
        Location location = commands.register(user, request.details());
        return ResponseEntity.created(URI.create("/api/v1/parties/locations/" + location.id()))
                .eTag(ETags.of(location.version())).body(LocationView.of(location, true));
    }

    @Operation(summary = "Read a location",
            description = "Why it is of concern is shown only to the organisation that registered it and to those who "
                    + "may see a case it is linked to (concernReasonsWithheld says when it is left out); that read is audited.")
    @GetMapping("/{id}")
    ResponseEntity<LocationView> get(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        LocationQueries.Shown shown = queries.read(id, user, purpose);
        return ResponseEntity.ok().eTag(ETags.of(shown.location().version()))
                .body(LocationView.of(shown.location(), shown.reasonsShown()));
    }

    @Operation(summary = "Correct a location's address, type or coordinates",
            description = "Send If-Match. Only the organisation that registered it, or one that may see a case it is "
                    + "linked to, may change it (403 otherwise).")
    @PutMapping("/{id}")
    ResponseEntity<LocationView> update(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody LocationRequest request, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return changed(commands.update(id, user, Expectation.ifMatch(ifMatch), request.details()));
    }

    @Operation(summary = "Make it a location of concern, or change the reasons or review date",
            description = "Send If-Match. Only those who may change the location (see PUT).")
    @PutMapping("/{id}/concern")
    ResponseEntity<LocationView> concern(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody ConcernRequest request, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return changed(commands.markOfConcern(id, user, Expectation.ifMatch(ifMatch), request.reasons(),
                request.reviewDate()));
    }

    @Operation(summary = "It is no longer a location of concern",
            description = "Send If-Match. Only those who may change the location (see PUT).")
    @DeleteMapping("/{id}/concern")
    ResponseEntity<LocationView> clearConcern(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return changed(commands.clearConcern(id, user, Expectation.ifMatch(ifMatch)));
    }

    @Operation(summary = "Find locations, newest first",
            description = "Filters combine: postcode (whole, or a district such as TS18), street (every word must appear "
                    + "in the address), concern=true for locations of concern, near=lat,lon with radiusMetres. Reasons "
                    + "for concern as on a read.")
    @GetMapping
    LocationPage search(CurrentUser user, @RequestParam(required = false) @Size(max = 10) String postcode,
            @RequestParam(required = false) @Size(max = 200) String street,
            @RequestParam(required = false) Boolean concern,
            @RequestParam(required = false) @Pattern(regexp = "-?\\d{1,2}(\\.\\d+)?,-?\\d{1,3}(\\.\\d+)?") String near,
            @RequestParam(defaultValue = "500") @DecimalMin("1") @DecimalMax("50000") double radiusMetres,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after) {
        LocationQueries.Near point = null;
        if (near != null) {
            String[] latLon = near.split(",");
            point = new LocationQueries.Near(Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1]), radiusMetres);
        }
        LocationQueries.LocationPage page = queries.search(user, postcode, street, concern, point, after, limit);
        return new LocationPage(page.items().stream().map(s -> LocationView.of(s.location(), s.reasonsShown())).toList(),
                page.nextCursor());
    }

    private static ResponseEntity<LocationView> changed(Location location) {
        return ResponseEntity.ok().eTag(ETags.of(location.version())).body(LocationView.of(location, true));
    }
}
