package org.casebridge.parties.app;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.parties.domain.Location;
import org.casebridge.parties.store.MongoLocationLinks;
import org.casebridge.platform.access.CaseAccessProjection;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who looks after a place: the organisation that registered it, and anyone who may see a case it is linked to
 * (sharing-service's decisions, projected here). They may change it and read why it is of concern; the rest of the
 * partnership sees the place (places are shared so that nobody registers one twice) but not those reasons.
 */
@Component
class LocationAccess {

    /** Why the caller was allowed, for the audit record: their organisation registered the place. */
    static final String REGISTERING_ORGANISATION = "registering-organisation";

    private final MongoLocationLinks links;
    private final CaseAccessProjection cases;

    LocationAccess(MongoLocationLinks links, CaseAccessProjection cases) {
        this.links = links;
        this.cases = cases;
    }

    /** Per place the caller looks after, the rule that says so ({@code registering-organisation} or {@code case:<id>}). */
    Map<String, String> lookedAfter(Collection<Location> places, CurrentUser user) {
        Map<String, String> granted = new HashMap<>();
        places.stream().filter(l -> user.organisation() != null && user.organisation().equals(l.organisation()))
                .forEach(l -> granted.put(l.id(), REGISTERING_ORGANISATION));
        List<String> others = places.stream().map(Location::id).filter(id -> !granted.containsKey(id)).toList();
        if (others.isEmpty()) {
            return granted;
        }
        List<MongoLocationLinks.LocationLink> linked = links.of(others);
        Set<String> visibleCases = cases.findAll(linked.stream().map(MongoLocationLinks.LocationLink::caseId)
                        .collect(Collectors.toSet())).stream()
                .filter(c -> c.access() != null && c.access().allows(user.principals(), AccessLevel.VIEW))
                .map(CaseAccessProjection.ProjectedCase::caseId).collect(Collectors.toSet());
        linked.stream().filter(link -> visibleCases.contains(link.caseId()))
                .forEach(link -> granted.putIfAbsent(link.locationId(), "case:" + link.caseId()));
        return granted;
    }

    String lookedAfter(Location place, CurrentUser user) {
        return lookedAfter(List.of(place), user).get(place.id());
    }
}
