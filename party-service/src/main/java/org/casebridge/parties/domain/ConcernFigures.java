package org.casebridge.parties.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Locations of concern counted for the partnership's figures: by postcode district (TS18) and by kind of place,
 * never an address or a reason.
 */
public record ConcernFigures(long total, Map<String, Long> byDistrict, Map<String, Long> byType) {

    public static ConcernFigures count(Collection<Location.Details> placesOfConcern) {
        Map<String, Long> byDistrict = new TreeMap<>();
        Map<String, Long> byType = new TreeMap<>();
        for (Location.Details place : placesOfConcern) {
            String district = place.postcode() == null ? "NONE" : place.postcode().toUpperCase(Locale.ROOT).split(" ")[0];
            byDistrict.merge(district, 1L, Long::sum);
            byType.merge(place.type() == null ? "OTHER" : place.type().name(), 1L, Long::sum);
        }
        return new ConcernFigures(placesOfConcern.size(), byDistrict, byType);
    }
}
