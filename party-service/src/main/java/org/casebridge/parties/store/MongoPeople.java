package org.casebridge.parties.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.casebridge.parties.domain.Person;
import org.casebridge.parties.domain.PersonSearch;
import org.casebridge.parties.domain.matching.BlockingKeys;
import org.casebridge.parties.domain.matching.MatchProfile;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.Aggregates;
import org.casebridge.platform.events.OutboxEvent;
import org.casebridge.platform.events.OutboxEvents;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** People in MongoDB: each change and its events in one document write; reads say which organisation is asking. */
@Repository
public class MongoPeople extends Aggregates<Person, PersonDocument> {

    static final String COLLECTION = "people";
    /** Fields the domain does not own, so an update must not clear them. */
    private static final String[] NOT_DOMAIN = {"idempotencyKey"};
    /** Candidates scored per registration: enough for common surnames in one year of birth. */
    private static final int MAX_CANDIDATES = 500;

    MongoPeople(MongoTemplate mongo, AggregateStore store, OutboxEvents events) {
        super(mongo, store, events, COLLECTION, PersonDocument.class, PersonDocument::of, PersonDocument::toPerson,
                NOT_DOMAIN);
    }

    /** Stores a newly registered person with the events announcing them. */
    public void insert(Person registered, String idempotencyKey, OutboxEvent... audit) {
        insert(registered, doc -> doc.idempotencyKey = idempotencyKey, audit);
    }

    /** Puts a person back as they were, if nobody changed them since {@code currentVersion}: undoes half a merge. */
    public void putBack(Person before, long currentVersion, OutboxEvent... audit) {
        update(before, currentVersion, document(before), NOT_DOMAIN, audit);
    }

    /** The person, if {@code organisation} holds a record of them. */
    public Optional<Person> findVisible(String id, String organisation) {
        Query query = Query.query(Criteria.where("_id").is(id).and("organisations").is(organisation));
        return Optional.ofNullable(mongo.findOne(query, PersonDocument.class, COLLECTION)).map(PersonDocument::toPerson);
    }

    public Optional<Person> findByIdempotencyKey(String idempotencyKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(idempotencyKey)),
                PersonDocument.class, COLLECTION)).map(PersonDocument::toPerson);
    }

    /**
     * Active people sharing a blocking key with {@code incoming}, in any organisation: matching is partnership-wide.
     * Anyone with the same identifier comes first and outside the cap, so a crowded surname block cannot hide them.
     */
    public List<Person> candidatesFor(MatchProfile incoming) {
        java.util.Map<String, Person> found = new java.util.LinkedHashMap<>();
        List<String> identifierKeys = incoming.identifiers().entrySet().stream()
                .map(e -> (e.getKey().startsWith("PARTNER:") ? "PARTNER" : e.getKey()) + ":" + e.getValue()).toList();
        if (!identifierKeys.isEmpty()) {
            mongo.find(Query.query(Criteria.where("identifierKeys").in(identifierKeys)
                    .and("status").ne(Person.Status.MERGED.name())), PersonDocument.class, COLLECTION)
                    .forEach(doc -> found.put(doc.id, doc.toPerson()));
        }
        Query query = Query.query(Criteria.where("blockingKeys").in(BlockingKeys.of(incoming))
                .and("status").ne(Person.Status.MERGED.name())).limit(MAX_CANDIDATES);
        mongo.find(query, PersonDocument.class, COLLECTION).forEach(doc -> found.putIfAbsent(doc.id, doc.toPerson()));
        return List.copyOf(found.values());
    }

    public List<Person> findAll(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), PersonDocument.class, COLLECTION).stream()
                .map(PersonDocument::toPerson).toList();
    }

    /** People {@code organisation} holds that fit every given criterion, newest first, after the cursor. */
    public List<Person> search(String organisation, PersonCriteria criteria, String after, int limit) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("organisations").is(organisation));
        all.add(Criteria.where("status").ne(Person.Status.MERGED.name()));
        if (criteria.name() != null) {
            all.add(Criteria.where("nameKeys").all(PersonSearch.queryKeys(criteria.name())));
        }
        if (criteria.dateOfBirth() != null) {
            // a search for 1980-02-14 also finds people recorded only as 1980 or 1980-02
            String dob = criteria.dateOfBirth();
            List<String> coarser = new ArrayList<>(List.of(dob));
            if (dob.length() >= 7) {
                coarser.add(dob.substring(0, 4));
            }
            if (dob.length() == 10) {
                coarser.add(dob.substring(0, 7));
            }
            all.add(new Criteria().orOperator(Criteria.where("dateOfBirth").in(coarser),
                    Criteria.where("dateOfBirth").regex("^" + java.util.regex.Pattern.quote(dob))));
        }
        if (criteria.postcodePrefix() != null) {
            all.add(Criteria.where("postcodes").regex("^" + java.util.regex.Pattern.quote(criteria.postcodePrefix())));
        }
        if (criteria.identifierKey() != null) {
            all.add(Criteria.where("identifierKeys").is(criteria.identifierKey()));
        }
        if (after != null) {
            all.add(Criteria.where("_id").lt(after));
        }
        Query query = Query.query(new Criteria().andOperator(all)).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        return mongo.find(query, PersonDocument.class, COLLECTION).stream().map(PersonDocument::toPerson).toList();
    }

    /** What a search may ask for; null means "any". */
    public record PersonCriteria(String name, String dateOfBirth, String postcodePrefix, String identifierKey) {
    }
}
