package org.casebridge.cases.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.casebridge.cases.domain.Case;
import org.casebridge.cases.domain.CaseSearch;
import org.casebridge.cases.domain.PartnershipCounts;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.platform.access.AccessList;
import org.casebridge.platform.aggregate.OptimisticRetry.Round;
import org.casebridge.platform.aggregate.OptimisticRetry;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.Aggregates;
import org.casebridge.platform.events.OutboxEvent;
import org.casebridge.platform.events.OutboxEvents;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Cases in MongoDB: each change and its events in one document write; every read filtered by access. */
@Repository
public class MongoCases extends Aggregates<Case, CaseDocument> {

    static final String COLLECTION = "cases";

    private final OptimisticRetry retry;

    MongoCases(MongoTemplate mongo, AggregateStore store, OutboxEvents events, OptimisticRetry retry) {
        super(mongo, store, events, COLLECTION, CaseDocument.class, CaseDocument::of, CaseDocument::toCase,
                CaseDocument.NOT_OWNED_BY_COMMANDS);
        this.retry = retry;
    }

    /**
     * Stores a newly opened case, visible at first to its owning organisation only, with its events and
     * {@code audit}, the record of who opened it, in the same single-document write.
     */
    @Override
    public void insert(Case opened, OutboxEvent... audit) {
        insert(opened, doc -> doc.access = AccessList.ownerOnly(opened.ownerOrganisation()), audit);
    }

    /** As {@link #insert(Case, OutboxEvent...)}, under a partner's key that must create one case only. */
    public void insert(Case opened, String idempotencyKey, OutboxEvent... audit) {
        insert(opened, doc -> {
            doc.access = AccessList.ownerOnly(opened.ownerOrganisation());
            doc.idempotencyKey = idempotencyKey;
        }, audit);
    }

    /**
     * Applies a change another service's event asks for, retrying against newer versions while people keep working
     * on the case. The command answers whether it changed anything.
     *
     * @return false when the case is unknown or the command changed nothing
     * @throws IllegalStateException when the case kept changing; the listener's retries then try again later
     */
    public boolean change(String caseId, java.util.function.Predicate<Case> command) {
        return retry.run(() -> {
            Case c = find(caseId).orElse(null);
            if (c == null) {
                return Round.done(false);
            }
            long expected = c.version();
            if (!command.test(c)) {
                return Round.done(false);
            }
            return Round.of(update(c, expected), true);
        }, () -> {
            throw new IllegalStateException("case " + caseId + " kept changing; the event will be retried");
        });
    }

    /**
     * Stores a case whose ownership just moved, with the new owner managing it straight away; sharing-service then
     * re-confirms everyone else's access and its decision replaces this list.
     */
    public boolean updateOwnership(Case changed, long expectedVersion, String previousOwner, AccessList current,
            OutboxEvent... audit) {
        CaseDocument doc = document(changed);
        doc.access = current.transferred("org:" + previousOwner, "org:" + changed.ownerOrganisation());
        return update(changed, expectedVersion, doc, new String[] {"idempotencyKey"}, audit);
    }

    /** A case offered to the caller's organisation, which may not see it yet but must be able to accept it. */
    public Optional<VisibleCase> findOfferedTo(String id, String organisation) {
        Query query = Query.query(Criteria.where("_id").is(id).and("transferOfferedTo").is(organisation));
        return Optional.ofNullable(mongo.findOne(query, CaseDocument.class, COLLECTION)).map(VisibleCase::of);
    }

    /** Offers of a case's lead waiting for the organisation to accept or decline. */
    public List<VisibleCase> offeredTo(String organisation) {
        Query query = Query.query(Criteria.where("transferOfferedTo").is(organisation)).with(Sort.by(Sort.Direction.DESC, "_id"));
        query.fields().exclude("log", "outbox", "searchTokens");
        return mongo.find(query, CaseDocument.class, COLLECTION).stream().map(VisibleCase::of).toList();
    }

    /** Cases with a link to this person, whoever owns them (for following a merge of two person records). */
    public List<String> linkedTo(String personId) {
        Query query = Query.query(Criteria.where("linkedPeople").is(personId));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(d -> d.get("_id").toString()).toList();
    }

    /** Organisation, type and dates of every case opened before {@code to}, for the partnership's counts. */
    public List<PartnershipCounts.CaseFacts> factsOpenedBefore(Instant to) {
        Query query = Query.query(Criteria.where("openedAt").lt(to));
        query.fields().include("ownerOrganisation", "type", "openedAt", "closure.closedAt", "status");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(d -> {
            org.bson.Document closure = d.get("closure", org.bson.Document.class);
            java.util.Date closedAt = closure == null || !"CLOSED".equals(d.getString("status")) ? null
                    : closure.getDate("closedAt");
            return new PartnershipCounts.CaseFacts(d.getString("ownerOrganisation"), d.getString("type"),
                    d.getDate("openedAt").toInstant(), closedAt == null ? null : closedAt.toInstant());
        }).toList();
    }

    public Optional<VisibleCase> findVisible(String id, List<String> principals) {
        Query query = Query.query(Criteria.where("_id").is(id).and(AccessList.VIEW_FIELD).in(principals));
        return Optional.ofNullable(mongo.findOne(query, CaseDocument.class, COLLECTION)).map(VisibleCase::of);
    }

    /** By its human reference, whoever may see it: for rules that then check access themselves. */
    public Optional<VisibleCase> findByReference(String reference) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("reference").is(reference)),
                CaseDocument.class, COLLECTION)).map(VisibleCase::of);
    }

    public Optional<VisibleCase> findByIdempotencyKey(String idempotencyKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(idempotencyKey)),
                CaseDocument.class, COLLECTION)).map(VisibleCase::of);
    }

    /** One page of the cases the caller may see that match the search, newest first, after the cursor (a case id). */
    public List<VisibleCase> search(List<String> principals, CaseSearch search, String after, int limit) {
        Criteria criteria = CaseCriteria.of(search, principals);
        if (after != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("_id").lt(new ObjectId(after)));
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        query.fields().exclude("log", "outbox", "searchTokens");
        return mongo.find(query, CaseDocument.class, COLLECTION).stream().map(VisibleCase::of).toList();
    }

    /** How many cases the caller may see match the search: a count never includes what they may not see. */
    public long count(List<String> principals, CaseSearch search) {
        return mongo.count(Query.query(CaseCriteria.of(search, principals)), COLLECTION);
    }

    /**
     * Complaints by a person across every agency's cases since {@code since}, other than on {@code excludedCase}: the
     * ASB Case Review counts them all, whoever owns the case, and the number reveals no case to anyone.
     */
    public long countComplaints(String personId, Instant since, String excludedCase) {
        Criteria complaint = Criteria.where("target").is("PERSON").and("targetId").is(personId)
                .and("role").in("VICTIM", "COMPLAINANT").and("linkedAt").gte(since);
        return mongo.count(Query.query(Criteria.where("links").elemMatch(complaint).and("_id").ne(new ObjectId(excludedCase))),
                COLLECTION);
    }

    /** Applies sharing-service's decision to the case's local access list. */
    public void applyAccess(CaseAccessChanged decision, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(decision.caseId())),
                new Update().set("access", AccessList.from(decision, now)), COLLECTION);
    }

    /** A case together with the access list that let the caller see it. */
    public record VisibleCase(Case value, AccessList access) {
        static VisibleCase of(CaseDocument doc) {
            return new VisibleCase(doc.toCase(), doc.access);
        }
    }
}
