package org.casebridge.parties.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.casebridge.parties.domain.Location;
import org.casebridge.parties.domain.Postcode;
import org.casebridge.parties.store.MongoLocations;
import org.casebridge.platform.domain.DomainException;
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

/** Places: register, read, correct, make or stop being a location of concern, and find by postcode, street or radius. */
@RestController
@RequestMapping("/api/v1/parties/locations")
@Validated
class LocationController {

    private final MongoLocations locations;
    private final Clock clock;

    LocationController(MongoLocations locations, Clock clock) {
        this.locations = locations;
        this.clock = clock;
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

    record LocationView(String id, String name, List<String> addressLines, String postcode, String uprn, Double latitude,
            Double longitude, Location.Type type, Location.Concern concern, String registeredBy, String organisation,
            Instant registeredAt, long version) {
        static LocationView of(Location l) {
            Location.Details d = l.details();
            return new LocationView(l.id(), d.name(), d.addressLines(), d.postcode(), d.uprn(), d.latitude(), d.longitude(),
                    d.type(), l.concern(), l.registeredBy(), l.organisation(), l.registeredAt(), l.version());
        }
    }

    record LocationPage(List<LocationView> items, String nextCursor) {
    }

    @Operation(summary = "Register a location")
    @PostMapping
    ResponseEntity<LocationView> register(@Valid @RequestBody LocationRequest request, CurrentUser user) {
        Location location = Location.register(locations.newId(), request.details(), user.id(),
                PersonController.organisationOf(user), clock.instant());
        locations.insert(location);
        return ResponseEntity.created(URI.create("/api/v1/parties/locations/" + location.id()))
                .eTag(ETags.of(location.version())).body(LocationView.of(location));
    }

    @Operation(summary = "Read a location")
    @GetMapping("/{id}")
    ResponseEntity<LocationView> get(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id) {
        Location location = found(id);
        return ResponseEntity.ok().eTag(ETags.of(location.version())).body(LocationView.of(location));
    }

    @Operation(summary = "Correct a location's address, type or coordinates", description = "Send If-Match.")
    @PutMapping("/{id}")
    ResponseEntity<LocationView> update(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody LocationRequest request, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(id, ifMatch, l -> l.update(request.details(), user.id(), user.organisation(), clock.instant()));
    }

    @Operation(summary = "Make it a location of concern, or change the reasons or review date", description = "Send If-Match.")
    @PutMapping("/{id}/concern")
    ResponseEntity<LocationView> concern(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody ConcernRequest request, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(id, ifMatch, l -> l.markOfConcern(request.reasons(), request.reviewDate(), user.id(),
                user.organisation(), clock.instant()));
    }

    @Operation(summary = "It is no longer a location of concern", description = "Send If-Match.")
    @DeleteMapping("/{id}/concern")
    ResponseEntity<LocationView> clearConcern(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(id, ifMatch, l -> l.clearConcern(user.id(), user.organisation(), clock.instant()));
    }

    @Operation(summary = "Find locations, newest first",
            description = "Filters combine: postcode (whole, or a district such as TS18), street (every word must appear "
                    + "in the address), concern=true for locations of concern, near=lat,lon with radiusMetres.")
    @GetMapping
    LocationPage search(@RequestParam(required = false) @Size(max = 10) String postcode,
            @RequestParam(required = false) @Size(max = 200) String street,
            @RequestParam(required = false) Boolean concern,
            @RequestParam(required = false) @Pattern(regexp = "-?\\d{1,2}(\\.\\d+)?,-?\\d{1,3}(\\.\\d+)?") String near,
            @RequestParam(defaultValue = "500") @DecimalMin("1") @DecimalMax("50000") double radiusMetres,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after) {
        MongoLocations.Near point = null;
        if (near != null) {
            String[] latLon = near.split(",");
            point = new MongoLocations.Near(Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1]), radiusMetres);
        }
        var criteria = new MongoLocations.LocationCriteria(postcode == null ? null : Postcode.searchPrefix(postcode),
                street, concern, point);
        List<LocationView> page = locations.search(criteria, after, limit).stream().map(LocationView::of).toList();
        return new LocationPage(page, page.size() == limit ? page.get(page.size() - 1).id() : null);
    }

    private ResponseEntity<LocationView> change(String id, String ifMatch, java.util.function.Consumer<Location> command) {
        long expected = ETags.requireIfMatch(ifMatch);
        Location location = found(id);
        if (location.version() != expected) {
            throw ETags.stale();
        }
        command.accept(location);
        if (!locations.update(location, expected)) {
            throw ETags.stale();
        }
        return ResponseEntity.ok().eTag(ETags.of(location.version())).body(LocationView.of(location));
    }

    private Location found(String id) {
        return locations.find(id).orElseThrow(() -> DomainException.notFound("Location " + id));
    }
}
