package org.casebridge.parties.store;

import java.util.ArrayList;
import java.util.List;

import org.casebridge.parties.domain.Location;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.Aggregates;
import org.casebridge.platform.events.OutboxEvents;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Locations in MongoDB. Places are not personal data, so the whole partnership sees them. */
@Repository
public class MongoLocations extends Aggregates<Location, LocationDocument> {

    static final String COLLECTION = "locations";
    private static final double METRES_PER_DEGREE_LATITUDE = 111_320;

    MongoLocations(MongoTemplate mongo, AggregateStore store, OutboxEvents events) {
        super(mongo, store, events, COLLECTION, LocationDocument.class, LocationDocument::of, LocationDocument::toLocation);
    }

    /**
     * Locations fitting every given criterion, newest first. Within a radius: a bounding box the index can narrow,
     * then the exact great-circle distance.
     */
    public List<Location> search(LocationCriteria criteria, String after, int limit) {
        List<Criteria> all = new ArrayList<>();
        if (criteria.postcodePrefix() != null) {
            all.add(Criteria.where("postcode").regex("^" + java.util.regex.Pattern.quote(criteria.postcodePrefix())));
        }
        if (criteria.street() != null) {
            all.add(Criteria.where("streetWords").all(LocationDocument.words(criteria.street())));
        }
        if (criteria.ofConcern() != null) {
            all.add(Criteria.where("ofConcern").is(criteria.ofConcern()));
        }
        Near near = criteria.near();
        if (near != null) {
            double dLat = near.radiusMetres() / METRES_PER_DEGREE_LATITUDE;
            double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(near.latitude())));
            all.add(Criteria.where("latitude").gte(near.latitude() - dLat).lte(near.latitude() + dLat));
            all.add(Criteria.where("longitude").gte(near.longitude() - dLon).lte(near.longitude() + dLon));
        }
        if (after != null) {
            all.add(Criteria.where("_id").lt(after));
        }
        Query query = new Query(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all))
                .with(Sort.by(Sort.Direction.DESC, "_id"));
        if (near == null) {
            query.limit(limit);
            return mongo.find(query, LocationDocument.class, COLLECTION).stream().map(LocationDocument::toLocation).toList();
        }
        return mongo.stream(query, LocationDocument.class, COLLECTION).map(LocationDocument::toLocation)
                .filter(l -> Location.metresBetween(near.latitude(), near.longitude(), l.details().latitude(),
                        l.details().longitude()) <= near.radiusMetres())
                .limit(limit).toList();
    }

    /** Where each location of concern is and what kind of place it is, for the figures. */
    public List<Location.Details> ofConcern() {
        Query query = Query.query(Criteria.where("ofConcern").is(true));
        query.fields().include("details");
        return mongo.find(query, LocationDocument.class, COLLECTION).stream().map(doc -> doc.details).toList();
    }

    public record Near(double latitude, double longitude, double radiusMetres) {
    }

    /** Null means "any". */
    public record LocationCriteria(String postcodePrefix, String street, Boolean ofConcern, Near near) {
    }
}
