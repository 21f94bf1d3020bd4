package org.casebridge.sharing.requests.store;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Case references as practitioners quote them ({@code ASB-2026-000123}) and the case each names, built from
 * {@code case.opened}: so one can ask for access by the reference on a letter or a referral. Who owns the case is
 * read from the case's effective access, which follows transfers.
 */
@Repository
public class MongoCaseReferences {

    static final String COLLECTION = "case_references";

    private final MongoTemplate mongo;

    MongoCaseReferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: a replayed {@code case.opened} writes the same row again. */
    public void record(String reference, String caseId, String ownerOrganisation) {
        mongo.upsert(Query.query(Criteria.where("_id").is(reference)),
                new Update().set("caseId", caseId).setOnInsert("openedBy", ownerOrganisation), COLLECTION);
    }

    public Optional<String> caseNamed(String reference) {
        org.bson.Document doc = mongo.findById(reference, org.bson.Document.class, COLLECTION);
        return Optional.ofNullable(doc).map(d -> d.getString("caseId"));
    }
}
