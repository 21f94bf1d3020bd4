package org.casebridge.parties.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.casebridge.contracts.party.DuplicateSuspected;
import org.casebridge.platform.events.OutboxEvent;
import org.casebridge.platform.events.OutboxEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Pairs of people who are probably the same, found when one of them was registered, waiting for someone to merge
 * them or say they are different people. One entry per pair, whichever was registered first.
 */
@Repository
public class MongoSuspectedDuplicates {

    static final String COLLECTION = "suspected_duplicates";

    public enum Status { OPEN, MERGED, NOT_DUPLICATE }

    @Document(COLLECTION)
    public record SuspectedDuplicate(@Id String id, List<String> personIds, @Indexed Set<String> organisations, int score,
            List<String> reasons, @Indexed Status status, Instant foundAt, String resolvedBy, Instant resolvedAt,
            List<OutboxEvent> outbox) {
    }

    private final MongoTemplate mongo;
    private final OutboxEvents events;

    MongoSuspectedDuplicates(MongoTemplate mongo, OutboxEvents events) {
        this.mongo = mongo;
        this.events = events;
    }

    public static String pairId(String a, String b) {
        return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
    }

    /**
     * Notes a suspected pair unless it is already known (open or decided), with the event telling the organisations
     * holding the two records, in the same write.
     */
    public void suspect(String a, String b, Set<String> organisations, int score, List<String> reasons, Instant now) {
        String id = pairId(a, b);
        OutboxEvent suspected = events.of(id, 1L, new DuplicateSuspected(id, List.copyOf(new java.util.TreeSet<>(organisations)),
                score, now));
        try {
            mongo.insert(new SuspectedDuplicate(id, List.of(a, b), organisations, score, reasons, Status.OPEN, now, null,
                    null, new java.util.ArrayList<>(List.of(suspected))), COLLECTION);
        } catch (DuplicateKeyException known) {
            // someone already saw this pair; their decision stands
        }
    }

    public Optional<SuspectedDuplicate> find(String id) {
        return Optional.ofNullable(mongo.findById(id, SuspectedDuplicate.class, COLLECTION));
    }

    /** Open pairs where {@code organisation} holds at least one of the two, newest first. */
    public List<SuspectedDuplicate> open(String organisation, String after, int limit) {
        Criteria criteria = Criteria.where("organisations").is(organisation).and("status").is(Status.OPEN.name());
        if (after != null) {
            criteria = criteria.and("foundAt").lt(find(after).map(SuspectedDuplicate::foundAt).orElse(Instant.MAX));
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "foundAt")).limit(limit),
                SuspectedDuplicate.class, COLLECTION);
    }

    public void resolve(String id, Status status, String by, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", status).set("resolvedBy", by).set("resolvedAt", now), COLLECTION);
    }
}
