package org.casebridge.cases.store;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.casebridge.contracts.party.LocationRegistered;
import org.casebridge.contracts.party.LocationUpdated;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The postcode of every location party-service announced, so cases can be found by postcode or district (TS18)
 * without asking party-service on each search.
 */
@Repository
public class MongoKnownLocations {

    static final String COLLECTION = "known_locations";
    /** A district holds thousands of addresses but far fewer places cases are linked to. */
    private static final int MAX_LOCATIONS = 5000;
    private static final Pattern DISTRICT = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");

    private final MongoTemplate mongo;

    MongoKnownLocations(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index("postcode",
                org.springframework.data.domain.Sort.Direction.ASC));
    }

    public void remember(LocationRegistered l) {
        remember(l.locationId(), l.postcode());
    }

    public void remember(LocationUpdated l) {
        remember(l.locationId(), l.postcode());
    }

    private void remember(String id, String postcode) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set("postcode", postcode), COLLECTION);
    }

    /**
     * Locations in a postcode ({@code TS18 1AB}, spacing and case as typed) or a district ({@code TS18}). Postcodes
     * arrive in Royal Mail form, which is what a whole postcode is turned into here.
     */
    public List<String> inPostcode(String typed) {
        String compact = typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        String prefix = DISTRICT.matcher(compact).matches() ? compact + " "
                : compact.length() > 3 ? compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3)
                        : compact;
        Query query = Query.query(Criteria.where("postcode").regex("^" + Pattern.quote(prefix))).limit(MAX_LOCATIONS);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(d -> d.get("_id").toString()).toList();
    }
}
