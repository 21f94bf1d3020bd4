package org.casebridge.cases.inbound.store;

import java.util.Optional;

import org.casebridge.cases.inbound.domain.InboundOutcome;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Each inbound record's outcome, by organisation and external id: a record sent twice gets the same answer. */
@Repository
public class MongoInboundRecords {

    static final String COLLECTION = "inbound_records";

    private final MongoTemplate mongo;

    MongoInboundRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<InboundOutcome> find(String organisation, String externalId) {
        return Optional.ofNullable(mongo.findById(InboundOutcome.idOf(organisation, externalId), InboundOutcome.class, COLLECTION));
    }

    /** Records the outcome; a concurrent first decision wins and is returned. */
    public InboundOutcome record(InboundOutcome outcome) {
        try {
            return mongo.insert(outcome, COLLECTION);
        } catch (DuplicateKeyException raced) {
            return mongo.findById(outcome.id(), InboundOutcome.class, COLLECTION);
        }
    }
}
