package org.casebridge.parties.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.casebridge.parties.domain.Location;
import org.casebridge.platform.events.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a location is stored, with the street words and coordinates it is searched by. */
@Document(MongoLocations.COLLECTION)
class LocationDocument extends AggregateDocument {

    @Id
    String id;
    Location.Details details;
    Location.Concern concern;
    String registeredBy;
    String organisation;
    Instant registeredAt;
    long version;
    @Indexed
    String postcode;
    @Indexed
    Set<String> streetWords;
    @Indexed
    Double latitude;
    Double longitude;
    @Indexed
    boolean ofConcern;

    static LocationDocument of(Location l) {
        LocationDocument doc = new LocationDocument();
        doc.id = l.id();
        doc.details = l.details();
        doc.concern = l.concern();
        doc.registeredBy = l.registeredBy();
        doc.organisation = l.organisation();
        doc.registeredAt = l.registeredAt();
        doc.version = l.version();
        doc.postcode = l.details().postcode();
        doc.streetWords = words(String.join(" ", l.details().addressLines()) + " "
                + (l.details().name() == null ? "" : l.details().name()));
        doc.latitude = l.details().latitude();
        doc.longitude = l.details().longitude();
        doc.ofConcern = l.concern() != null;
        return doc;
    }

    /** Lower-case words of an address; a search matches when every word typed is among them. */
    static Set<String> words(String text) {
        Set<String> words = new TreeSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    Location toLocation() {
        return Location.restore(id, details, concern, registeredBy, organisation, registeredAt, version);
    }
}
