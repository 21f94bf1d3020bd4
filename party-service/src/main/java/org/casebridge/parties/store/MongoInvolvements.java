package org.casebridge.parties.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.casebridge.contracts.cases.CasePartyLinked;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The involvement index: which cases, in any agency, each person is linked to and in what role, built from
 * case-service's events. A merge here moves a record's involvements to the survivor; an unmerge moves them back,
 * which is why the id the case linked ({@code recordedPersonId}) is kept beside the current one.
 */
@Repository
public class MongoInvolvements {

    static final String COLLECTION = "involvements";
    private static final String FLAGS = "repeat_presentation_flags";

    @Document(COLLECTION)
    public record Involvement(@Id String id, String caseId, String reference, String caseType, @Indexed String personId,
            @Indexed String recordedPersonId, String role, String linkedByOrganisation, Instant linkedAt) {
    }

    private final MongoTemplate mongo;

    MongoInvolvements(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A case linked a person; the person's current id is {@code currentPersonId} (the survivor, if merged). */
    public void linked(CasePartyLinked link, String currentPersonId) {
        String id = link.caseId() + "|" + link.targetId() + "|" + link.role();
        mongo.save(new Involvement(id, link.caseId(), link.reference(), link.caseType(), currentPersonId, link.targetId(),
                link.role(), link.organisation(), link.linkedAt()), COLLECTION);
    }

    public void unlinked(String caseId, String personId, String role) {
        mongo.remove(Query.query(Criteria.where("caseId").is(caseId).and("role").is(role)
                .orOperator(Criteria.where("personId").is(personId), Criteria.where("recordedPersonId").is(personId))),
                COLLECTION);
    }

    public List<Involvement> of(String personId) {
        return mongo.find(Query.query(Criteria.where("personId").is(personId)), Involvement.class, COLLECTION);
    }

    /** After a merge the survivor is involved wherever the merged record was. */
    public void follow(String mergedId, String survivorId) {
        mongo.updateMulti(Query.query(Criteria.where("personId").is(mergedId)), new Update().set("personId", survivorId),
                COLLECTION);
    }

    /** After an unmerge the released record takes back the cases that linked it. */
    public void release(String releasedId) {
        mongo.updateMulti(Query.query(Criteria.where("recordedPersonId").is(releasedId)),
                new Update().set("personId", releasedId), COLLECTION);
    }

    /**
     * The recorded time of the link that tipped the person's last flag (flags stored before that was kept give the
     * time they were raised, which is no earlier).
     */
    public Optional<Instant> lastTipped(String personId) {
        return Optional.ofNullable(mongo.findById(personId, org.bson.Document.class, FLAGS))
                .map(d -> d.getDate(d.containsKey("tippedAt") ? "tippedAt" : "flaggedAt").toInstant());
    }

    public void flagged(String personId, Instant tippedAt, Instant at) {
        mongo.upsert(Query.query(Criteria.where("_id").is(personId)),
                new Update().set("tippedAt", tippedAt).set("flaggedAt", at), FLAGS);
    }
}
