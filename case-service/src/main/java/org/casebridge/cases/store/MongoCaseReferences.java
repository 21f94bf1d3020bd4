package org.casebridge.cases.store;

import org.bson.Document;
import org.casebridge.cases.domain.CaseReferences;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** One counter document per prefix and year, incremented atomically: concurrent openings never share a number. */
@Component
class MongoCaseReferences implements CaseReferences {

    private final MongoTemplate mongo;

    MongoCaseReferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public long next(String prefix, int year) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(prefix + "-" + year)),
                new Update().inc("last", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, "case_reference_counters");
        return counter.get("last", Number.class).longValue();
    }
}
