package org.casebridge.parties.app;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.cases.CasePartyLinked;
import org.casebridge.contracts.cases.CasePartyUnlinked;
import org.casebridge.parties.domain.Location;
import org.casebridge.parties.store.MongoLocationLinks;
import org.casebridge.parties.store.MongoLocations;
import org.casebridge.platform.access.CaseAccessProjection;
import org.casebridge.platform.aggregate.Expectation;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Everything that changes a place: registering it, correcting it, making it (or no longer) a location of concern, and
 * the index of the cases it is linked to, which says who else looks after it ({@link LocationAccess}). Only those who
 * look after a place change it, against the version they read; each change is audited in the place's own write.
 */
@Service
public class LocationCommands {

    private static final Logger log = LoggerFactory.getLogger(LocationCommands.class);

    private final MongoLocations locations;
    private final MongoLocationLinks links;
    private final LocationAccess access;
    private final CaseAccessProjection cases;
    private final AuditTrail audit;
    private final Clock clock;

    LocationCommands(MongoLocations locations, MongoLocationLinks links, LocationAccess access,
            CaseAccessProjection cases, AuditTrail audit, Clock clock) {
        this.locations = locations;
        this.links = links;
        this.access = access;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    public Location register(CurrentUser user, Location.Details details) {
        Location location = Location.register(locations.newId(), details, user.id(), PersonAccess.organisationOf(user),
                clock.instant());
        locations.insert(location, audit.entry(user, "CREATE", "location", location.id(),
                LocationAccess.REGISTERING_ORGANISATION, null, changes(null, location)));
        return location;
    }

    /** Corrects a place's address, type or coordinates. */
    public Location update(String id, CurrentUser user, Expectation expected, Location.Details details) {
        return change(id, user, expected, l -> l.update(details, user.id(), user.organisation(), clock.instant()));
    }

    /** Makes it a location of concern, or changes the reasons or review date. */
    public Location markOfConcern(String id, CurrentUser user, Expectation expected, List<String> reasons,
            LocalDate reviewDate) {
        return change(id, user, expected, l -> l.markOfConcern(reasons, reviewDate, user.id(), user.organisation(),
                clock.instant()));
    }

    public Location clearConcern(String id, CurrentUser user, Expectation expected) {
        return change(id, user, expected, l -> l.clearConcern(user.id(), user.organisation(), clock.instant()));
    }

    private Location change(String id, CurrentUser user, Expectation expected, Consumer<Location> command) {
        Location location = LocationQueries.found(locations, id);
        String lookedAfterBy = access.lookedAfter(location, user);
        if (lookedAfterBy == null) {
            throw DomainException.forbidden("Only the organisation that registered this place, or one that may see a case "
                    + "it is linked to, may change it.");
        }
        long loaded = location.version();
        expected.check(loaded);
        Map<String, Object> before = fields(location);
        command.accept(location);
        if (!locations.update(location, loaded, audit.entry(user, "UPDATE", "location", id, lookedAfterBy, null,
                changes(before, location)))) {
            throw ETags.stale();
        }
        return location;
    }

    // --- the cases a place is linked to ----------------------------------------------------------------------------

    public void caseLinked(CasePartyLinked link) {
        if (!"LOCATION".equals(link.target())) {
            return;
        }
        if (!entitled(link)) {
            log.info("Link of location {} to case {} by {} gives no say over the place: that organisation "
                    + "could not change it", link.targetId(), link.caseId(), link.organisation());
            return;
        }
        links.linked(link);
    }

    public void caseUnlinked(CasePartyUnlinked unlink) {
        if ("LOCATION".equals(unlink.target())) {
            links.unlinked(unlink.caseId(), unlink.targetId(), unlink.role());
        }
    }

    /**
     * Every organisation may see every place and link it to its own case, so a link alone must not hand out a say
     * over the place: it counts only when the linking organisation could already change it (it registered the
     * place, or it or the linking user may see another case the place is linked to).
     */
    private boolean entitled(CasePartyLinked link) {
        if (link.organisation() == null || link.organisation().isBlank()) {
            return false;
        }
        if (locations.find(link.targetId()).map(l -> link.organisation().equals(l.organisation())).orElse(false)) {
            return true;
        }
        List<String> principals = List.of("org:" + link.organisation(), "user:" + link.linkedBy());
        List<String> otherCases = links.of(List.of(link.targetId())).stream().map(MongoLocationLinks.LocationLink::caseId)
                .filter(caseId -> !caseId.equals(link.caseId())).toList();
        return cases.findAll(otherCases).stream()
                .anyMatch(c -> c.access() != null && c.access().allows(principals, AccessLevel.VIEW));
    }

    // --- the audit record ------------------------------------------------------------------------------------------

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
