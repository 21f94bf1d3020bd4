package org.casebridge.cases.app;

import org.casebridge.cases.store.MongoKnownLocations;
import org.casebridge.contracts.party.LocationRegistered;
import org.casebridge.contracts.party.LocationUpdated;
import org.springframework.stereotype.Service;

/** The postcode of every location party-service announces, so cases can be found by area. */
@Service
public class KnownLocations {

    private final MongoKnownLocations locations;

    KnownLocations(MongoKnownLocations locations) {
        this.locations = locations;
    }

    public void registered(LocationRegistered location) {
        locations.remember(location);
    }

    public void updated(LocationUpdated location) {
        locations.remember(location);
    }
}
