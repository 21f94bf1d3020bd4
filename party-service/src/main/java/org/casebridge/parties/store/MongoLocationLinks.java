package org.casebridge.parties.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.casebridge.contracts.cases.CasePartyLinked;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Which cases, in any agency, each place is linked to, built from case-service's events: whoever may see one of those
 * cases may look after the place (change its address, set or clear its concern).
 */
@Repository
public class MongoLocationLinks {

    static final String COLLECTION = "location_links";

    @Document(COLLECTION)
    public record LocationLink(@Id String id, String caseId, @Indexed String locationId, String role,
            String linkedByOrganisation, Instant linkedAt) {
    }

    private final MongoTemplate mongo;

    MongoLocationLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void linked(CasePartyLinked link) {
        mongo.save(new LocationLink(link.caseId() + "|" + link.targetId() + "|" + link.role(), link.caseId(),
                link.targetId(), link.role(), link.organisation(), link.linkedAt()), COLLECTION);
    }

    public void unlinked(String caseId, String locationId, String role) {
        mongo.remove(Query.query(Criteria.where("caseId").is(caseId).and("locationId").is(locationId).and("role").is(role)),
                COLLECTION);
    }

    public List<LocationLink> of(Collection<String> locationIds) {
        return mongo.find(Query.query(Criteria.where("locationId").in(locationIds)), LocationLink.class, COLLECTION);
    }
}
