package org.casebridge.cases.inbound.store;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

/** Each inbound record's outcome, by organisation and external id: a record sent twice gets the same answer. */
@Repository
public class MongoInboundRecords {

    static final String COLLECTION = "inbound_records";

    /** What became of an inbound record, as its reply says. */
    @Document(COLLECTION)
    public record Outcome(@Id String id, String organisation, String externalId, String kind, String outcome,
            String reason, String caseId, String caseReference, String entryId, Instant decidedAt) {
    }

    private final MongoTemplate mongo;

    MongoInboundRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static String idOf(String organisation, String externalId) {
        return organisation + "|" + externalId;
    }

    public Optional<Outcome> find(String organisation, String externalId) {
        return Optional.ofNullable(mongo.findById(idOf(organisation, externalId), Outcome.class, COLLECTION));
    }

    /** Records the outcome; a concurrent first decision wins and is returned. */
    public Outcome record(Outcome outcome) {
        try {
            return mongo.insert(outcome, COLLECTION);
        } catch (DuplicateKeyException raced) {
            return mongo.findById(outcome.id(), Outcome.class, COLLECTION);
        }
    }
}
