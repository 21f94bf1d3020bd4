package org.casebridge.sharing.feeds.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** For each case, the organisations whose feed currently carries it. */
@Repository
public class MongoFeedAudiences {

    static final String COLLECTION = "feed_audiences";

    private final MongoTemplate mongo;

    MongoFeedAudiences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Empty when no decision on the case has been seen yet. */
    public Optional<Set<String>> of(String caseId) {
        org.bson.Document doc = mongo.findById(caseId, org.bson.Document.class, COLLECTION);
        if (doc == null) {
            return Optional.empty();
        }
        List<String> organisations = doc.getList("organisations", String.class);
        return Optional.of(new TreeSet<>(organisations == null ? List.of() : organisations));
    }

    public void save(String caseId, Set<String> organisations) {
        mongo.upsert(Query.query(Criteria.where("_id").is(caseId)),
                new Update().set("organisations", List.copyOf(organisations)), COLLECTION);
    }
}
