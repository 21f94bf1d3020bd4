package org.casebridge.contracts.party;

import java.time.Instant;

/**
 * {@code casebridge.party.location-updated.v1}: a location changed; the whole of it as it now stands, so services can find cases by postcode or area without asking party-service. Subject = location id.
 *
 * @param postcode Royal Mail form ({@code TS18 1AB}) or null when not known
 * @param concern whether partners have made it a location of concern
 */
public record LocationUpdated(String locationId, String type, String postcode, String uprn, Double latitude,
        Double longitude, boolean concern, String recordedBy, String organisation, Instant recordedAt) {
}
