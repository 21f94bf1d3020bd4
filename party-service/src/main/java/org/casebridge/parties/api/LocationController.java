package org.casebridge.parties.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.casebridge.parties.domain.Location;
import org.casebridge.parties.domain.Postcode;
import org.casebridge.parties.store.MongoLocations;
import org.casebridge.platform.audit.AuditTrail;
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

/**
 * Places: register, read, correct, make or stop being a location of concern, and find by postcode, street or radius.
 * Everyone in the partnership sees a place; only those who look after it ({@link LocationAccess}) change it or read
 * why it is of concern, and each of those changes and reads is audited.
 */
@RestController
@RequestMapping("/api/v1/parties/locations")
@Validated
class LocationController {

    private final MongoLocations locations;
    private final LocationAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    LocationController(MongoLocations locations, LocationAccess access, AuditTrail audit, Clock clock) {
        this.locations = locations;
        this.access = access;
        this.audit = audit;
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
        Location location = Location.register(locations.newId(), request.details(), user.id(),
                PersonController.organisationOf(user), clock.instant());
        locations.insert(location, audit.entry(user, "CREATE", "location", location.id(),
                LocationAccess.REGISTERING_ORGANISATION, null, changes(null, location)));
        return ResponseEntity.created(URI.create("/api/v1/parties/locations/" + location.id()))
                .eTag(ETags.of(location.version())).body(LocationView.of(location, true));
    }

    @Operation(summary = "Read a location",
            description = "Why it is of concern is shown only to the organisation that registered it and to those who "
                    + "may see a case it is linked to (concernReasonsWithheld says when it is left out); that read is audited.")
    @GetMapping("/{id}")
    ResponseEntity<LocationView> get(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        Location location = found(id);
        String lookedAfterBy = location.concern() == null ? null : access.lookedAfter(location, user);
        if (lookedAfterBy != null) {
            audit.record(user, "READ", "location", id, lookedAfterBy, purpose, null);
        }
        return ResponseEntity.ok().eTag(ETags.of(location.version())).body(LocationView.of(location, lookedAfterBy != null));
    }

    @Operation(summary = "Correct a location's address, type or coordinates",
            description = "Send If-Match. Only the organisation that registered it, or one that may see a case it is "
                    + "linked to, may change it (403 otherwise).")
    @PutMapping("/{id}")
    ResponseEntity<LocationView> update(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody LocationRequest request, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(id, ifMatch, user, l -> l.update(request.details(), user.id(), user.organisation(), clock.instant()));
    }

    @Operation(summary = "Make it a location of concern, or change the reasons or review date",
            description = "Send If-Match. Only those who may change the location (see PUT).")
    @PutMapping("/{id}/concern")
    ResponseEntity<LocationView> concern(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody ConcernRequest request, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(id, ifMatch, user, l -> l.markOfConcern(request.reasons(), request.reviewDate(), user.id(),
                user.organisation(), clock.instant()));
    }

    @Operation(summary = "It is no longer a location of concern",
            description = "Send If-Match. Only those who may change the location (see PUT).")
    @DeleteMapping("/{id}/concern")
    ResponseEntity<LocationView> clearConcern(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(id, ifMatch, user, l -> l.clearConcern(user.id(), user.organisation(), clock.instant()));
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
        MongoLocations.Near point = null;
        if (near != null) {
            String[] latLon = near.split(",");
            point = new MongoLocations.Near(Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1]), radiusMetres);
        }
        var criteria = new MongoLocations.LocationCriteria(postcode == null ? null : Postcode.searchPrefix(postcode),
                street, concern, point);
        List<Location> found = locations.search(criteria, after, limit);
        List<Location> ofConcern = found.stream().filter(l -> l.concern() != null).toList();
        Map<String, String> lookedAfter = ofConcern.isEmpty() ? Map.of() : access.lookedAfter(ofConcern, user);
        // a trace of every place whose reasons for concern were shown
        audit.recordEach(user, "LIST", "location", ofConcern.stream().map(Location::id).filter(lookedAfter::containsKey)
                .toList(), null);
        List<LocationView> page = found.stream().map(l -> LocationView.of(l, lookedAfter.containsKey(l.id()))).toList();
        return new LocationPage(page, page.size() == limit ? page.get(page.size() - 1).id() : null);
    }

    private ResponseEntity<LocationView> change(String id, String ifMatch, CurrentUser user,
            java.util.function.Consumer<Location> command) {
        long expected = ETags.requireIfMatch(ifMatch);
        Location location = found(id);
        String lookedAfterBy = access.lookedAfter(location, user);
        if (lookedAfterBy == null) {
            throw DomainException.forbidden("Only the organisation that registered this place, or one that may see a case "
                    + "it is linked to, may change it.");
        }
        if (location.version() != expected) {
            throw ETags.stale();
        }
        Map<String, Object> before = fields(location);
        command.accept(location);
        if (!locations.update(location, expected, audit.entry(user, "UPDATE", "location", id, lookedAfterBy, null,
                changes(before, location)))) {
            throw ETags.stale();
        }
        return ResponseEntity.ok().eTag(ETags.of(location.version())).body(LocationView.of(location, true));
    }

    private Location found(String id) {
        return locations.find(id).orElseThrow(() -> DomainException.notFound("Location " + id));
    }

    /** The place as the audit trail records it; the concern's reasons are what may be personal data. */
    private static Map<String, Object> fields(Location l) {
        Location.Details d = l.details();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", d.name());
        fields.put("addressLines", d.addressLines());
        fields.put("postcode", d.postcode());
        fields.put("uprn", d.uprn());
        fields.put("latitude", d.latitude());
        fields.put("longitude", d.longitude());
        fields.put("type", d.type() == null ? null : d.type().name());
        fields.put("concernReasons", l.concern() == null ? null : l.concern().reasons());
        fields.put("concernReviewDate", l.concern() == null ? null : l.concern().reviewDate().toString());
        return fields;
    }

    /** Field name to before and after, for the fields that changed (all of them on registration). */
    private static Map<String, Object> changes(Map<String, Object> before, Location after) {
        Map<String, Object> now = fields(after);
        Map<String, Object> changed = new LinkedHashMap<>();
        now.forEach((field, value) -> {
            Object was = before == null ? null : before.get(field);
            if (!Objects.equals(was, value)) {
                Map<String, Object> change = new HashMap<>();
                change.put("before", was);
                change.put("after", value);
                changed.put(field, change);
            }
        });
        return changed;
    }
}
