package org.casebridge.tasking.access.store;

import java.time.Instant;
import java.util.Optional;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.platform.access.AccessList;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The local projection of who may do what on each case, built from the access topic: tasking never asks
 * case-service or sharing-service at request time.
 */
@Repository
public class MongoCaseAccess {

    static final String COLLECTION = "case_access";

    private final MongoTemplate mongo;

    MongoCaseAccess(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The latest decision replaces the whole access list; a case heard of for the first time is added. */
    public void apply(CaseAccessChanged decision, Instant now) {
        mongo.upsert(Query.query(Criteria.where("_id").is(decision.caseId())),
                new Update().set("access", AccessList.from(decision, now)), CaseAccessDocument.class, COLLECTION);
    }

    /** Empty when no decision about the case has reached this service: nobody may act on it yet. */
    public Optional<AccessList> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseAccessDocument.class, COLLECTION)).map(doc -> doc.access);
    }
}
