package org.casebridge.parties.store;

import java.util.Optional;

import org.bson.types.ObjectId;
import org.casebridge.parties.domain.Person;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** People in MongoDB: each change and its events in one document write; every read filtered by organisation. */
@Repository
public class MongoPeople {

    static final String COLLECTION = "people";

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OutboxEvents events;

    MongoPeople(MongoTemplate mongo, AggregateStore store, OutboxEvents events) {
        this.mongo = mongo;
        this.store = store;
        this.events = events;
    }

    /** Ids sort by creation time, which gives newest-first lists and cursors for free. */
    public String newId() {
        return new ObjectId().toHexString();
    }

    /** Stores a newly registered person with the events announcing them. */
    public void insert(Person registered, String idempotencyKey) {
        PersonDocument doc = PersonDocument.of(registered);
        doc.idempotencyKey = idempotencyKey;
        registered.newEvents().forEach(event -> doc.outbox.add(events.of(registered.id(), registered.version(), event)));
        store.insert(doc, COLLECTION);
    }

    /** The person, if {@code organisation} may see them: for now, the organisation that registered them. */
    public Optional<Person> findVisible(String id, String organisation) {
        Query query = Query.query(Criteria.where("_id").is(id).and("organisation").is(organisation));
        return Optional.ofNullable(mongo.findOne(query, PersonDocument.class, COLLECTION)).map(PersonDocument::toPerson);
    }

    public Optional<Person> findByIdempotencyKey(String idempotencyKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(idempotencyKey)),
                PersonDocument.class, COLLECTION)).map(PersonDocument::toPerson);
    }
}
