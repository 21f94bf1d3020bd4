package org.casebridge.parties.app;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casebridge.parties.domain.ConcernFigures;
import org.casebridge.parties.domain.Location;
import org.casebridge.parties.domain.Postcode;
import org.casebridge.parties.store.MongoLocations;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Reading places: everyone in the partnership sees a place, but why it is of concern (which can be personal data)
 * only those who look after it ({@link LocationAccess}); each such read is audited.
 */
@Service
public class LocationQueries {

    private static final Set<String> MAY_COUNT = Set.of("ANALYST", "PARTNERSHIP_ADMIN", "SUPERVISOR");

    private final MongoLocations locations;
    private final LocationAccess access;
    private final AuditTrail audit;

    LocationQueries(MongoLocations locations, LocationAccess access, AuditTrail audit) {
        this.locations = locations;
        this.access = access;
        this.audit = audit;
    }

    /** A place, and whether the caller may see why it is of concern. */
    public record Shown(Location location, boolean reasonsShown) {
    }

    public record LocationPage(List<Shown> items, String nextCursor) {
    }

    /** Where to look: a point and how far around it. */
    public record Near(double latitude, double longitude, double radiusMetres) {
    }

    public Shown read(String id, CurrentUser user, String purpose) {
        Location location = found(locations, id);
        String lookedAfterBy = location.concern() == null ? null : access.lookedAfter(location, user);
        if (lookedAfterBy != null) {
            audit.record(user, "READ", "location", id, lookedAfterBy, purpose, null);
        }
        return new Shown(location, lookedAfterBy != null);
    }

    /** Filters combine (any may be null); newest first, after the cursor. */
    public LocationPage search(CurrentUser user, String postcode, String street, Boolean concern, Near near, String after,
            int limit) {
        MongoLocations.Near point = near == null ? null
                : new MongoLocations.Near(near.latitude(), near.longitude(), near.radiusMetres());
        var criteria = new MongoLocations.LocationCriteria(postcode == null ? null : Postcode.searchPrefix(postcode),
                street, concern, point);
        List<Location> found = locations.search(criteria, after, limit);
        List<Location> ofConcern = found.stream().filter(l -> l.concern() != null).toList();
        Map<String, String> lookedAfter = ofConcern.isEmpty() ? Map.of() : access.lookedAfter(ofConcern, user);
        // a trace of every place whose reasons for concern were shown
        audit.recordEach(user, "LIST", "location", ofConcern.stream().map(Location::id).filter(lookedAfter::containsKey)
                .toList(), null);
        List<Shown> page = found.stream().map(l -> new Shown(l, lookedAfter.containsKey(l.id()))).toList();
        return new LocationPage(page, page.size() == limit ? page.get(page.size() - 1).location().id() : null);
    }

    /** Locations of concern now, counted by postcode district and kind of place: for analysts and supervisors. */
    public ConcernFigures concernFigures(CurrentUser user) {
        if (user.roles().stream().noneMatch(MAY_COUNT::contains)) {
            throw DomainException.forbidden("Location figures are for analysts, supervisors and partnership administrators.");
        }
        return ConcernFigures.count(locations.ofConcern());
    }

    static Location found(MongoLocations locations, String id) {
        return locations.find(id).orElseThrow(() -> DomainException.notFound("Location " + id));
    }
}
