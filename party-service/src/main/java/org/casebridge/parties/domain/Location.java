package org.casebridge.parties.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import org.casebridge.contracts.party.LocationRegistered;
import org.casebridge.contracts.party.LocationUpdated;
import org.casebridge.platform.aggregate.AggregateRoot;
import org.casebridge.platform.domain.DomainException;

/**
 * A place cases are about: a home, a street, a park, a shop. Partners can make it a "location of concern" with
 * reasons and a date to review that decision. Every change announces the whole location, so other services can find
 * cases by postcode or area without asking here.
 */
public final class Location extends AggregateRoot {

    public enum Type { DWELLING, FLAT_BLOCK, STREET, PARK, SHOP, PUB, ESTATE, SCHOOL, PLAY_AREA, CAR_PARK, TRANSPORT,
        OPEN_SPACE, COMMERCIAL, OTHER }

    /** Where it is. Coordinates are WGS84 degrees; a UPRN is the Ordnance Survey's unique property reference. */
    public record Details(String name, List<String> addressLines, String postcode, String uprn, Double latitude,
            Double longitude, Type type) {

        public Details {
            addressLines = addressLines == null ? List.of()
                    : addressLines.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
        }

        Details validated() {
            if (type == null) {
                throw DomainException.invalid("A location needs a type, e.g. DWELLING, STREET or PARK.");
            }
            if (addressLines.isEmpty() && (name == null || name.isBlank())) {
                throw DomainException.invalid("A location needs a name or at least one address line.");
            }
            if (uprn != null && !uprn.matches("\\d{1,12}")) {
                throw DomainException.invalid("A UPRN is up to 12 digits: " + uprn);
            }
            if ((latitude == null) != (longitude == null)) {
                throw DomainException.invalid("Give both latitude and longitude, or neither.");
            }
            if (latitude != null && (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180)) {
                throw DomainException.invalid("Coordinates are degrees: latitude -90..90, longitude -180..180.");
            }
            return new Details(name == null || name.isBlank() ? null : name.strip(), addressLines,
                    Postcode.normalise(postcode), uprn, latitude, longitude, type);
        }
    }

    /** Why partners watch this place, and when they will decide whether to keep doing so. */
    public record Concern(List<String> reasons, LocalDate reviewDate, String setBy, String organisation, Instant since) {
    }

    private Details details;
    private Concern concern;
    private final String registeredBy;
    private final String organisation;
    private final Instant registeredAt;

    private Location(String id, Details details, Concern concern, String registeredBy, String organisation,
            Instant registeredAt, long version) {
        super(id, version);
        this.details = Objects.requireNonNull(details);
        this.concern = concern;
        this.registeredBy = registeredBy;
        this.organisation = organisation;
        this.registeredAt = registeredAt;
    }

    public static Location register(String id, Details details, String by, String organisation, Instant now) {
        Location location = new Location(id, details.validated(), null, by, organisation, now, 1);
        Details d = location.details;
        location.announce(new LocationRegistered(id, d.type().name(), d.postcode(), d.uprn(), d.latitude(),
                d.longitude(), false, by, organisation, now));
        return location;
    }

    public static Location restore(String id, Details details, Concern concern, String registeredBy, String organisation,
            Instant registeredAt, long version) {
        return new Location(id, details, concern, registeredBy, organisation, registeredAt, version);
    }

    public void update(Details changed, String by, String byOrganisation, Instant now) {
        details = changed.validated();
        changed(by, byOrganisation, now);
    }

    /** Makes the place a location of concern; a review date in the past would never be met. */
    public void markOfConcern(List<String> reasons, LocalDate reviewDate, String by, String byOrganisation, Instant now) {
        List<String> why = reasons == null ? List.of()
                : reasons.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
        if (why.isEmpty()) {
            throw DomainException.invalid("Say why the location is of concern.");
        }
        if (reviewDate == null || !reviewDate.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw DomainException.invalid("A location of concern needs a review date after today.");
        }
        Instant since = concern == null ? now : concern.since();
        concern = new Concern(why, reviewDate, by, byOrganisation, since);
        changed(by, byOrganisation, now);
    }

    public void clearConcern(String by, String byOrganisation, Instant now) {
        if (concern == null) {
            throw DomainException.conflict("Location " + id() + " is not a location of concern.");
        }
        concern = null;
        changed(by, byOrganisation, now);
    }

    private void changed(String by, String byOrganisation, Instant now) {
        changed(new LocationUpdated(id(), details.type().name(), details.postcode(), details.uprn(), details.latitude(),
                details.longitude(), concern != null, by, byOrganisation, now));
    }

    /** Great-circle distance in metres, for "within a radius of a point". */
    public static double metresBetween(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
    }

    public Details details() {
        return details;
    }

    /** Null when partners have no concern about the place. */
    public Concern concern() {
        return concern;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public String organisation() {
        return organisation;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
