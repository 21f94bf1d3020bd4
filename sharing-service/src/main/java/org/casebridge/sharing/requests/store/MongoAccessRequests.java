package org.casebridge.sharing.requests.store;

import java.time.Instant;
import java.util.List;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.platform.events.AggregateDocument;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.Aggregates;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.sharing.requests.domain.AccessRequest;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Access requests, each with its events in the same document write. */
@Repository
public class MongoAccessRequests extends Aggregates<AccessRequest, MongoAccessRequests.AccessRequestDocument> {

    static final String COLLECTION = "access_requests";

    @Document(COLLECTION)
    @CompoundIndex(name = "requester_time", def = "{'requestedBy': 1, 'requestedAt': 1}")
    static class AccessRequestDocument extends AggregateDocument {
        @Id
        String id;
        @Indexed
        String caseId;
        @Indexed(sparse = true)
        String reference;
        String personId;
        String caseType;
        @Indexed
        String ownerOrganisation;
        @Indexed
        String requestedBy;
        String requesterOrganisation;
        String reason;
        Instant requestedAt;
        @Indexed
        AccessRequest.Status status;
        String decidedBy;
        String decisionReason;
        Instant decidedAt;
        String shareId;
        AccessLevel level;
        Instant expiresAt;
        String contact;
        String message;
        long version;

        static AccessRequestDocument of(AccessRequest r) {
            AccessRequestDocument d = new AccessRequestDocument();
            d.id = r.id();
            d.caseId = r.caseId();
            d.reference = r.reference();
            d.personId = r.personId();
            d.caseType = r.caseType();
            d.ownerOrganisation = r.ownerOrganisation();
            d.requestedBy = r.requestedBy();
            d.requesterOrganisation = r.requesterOrganisation();
            d.reason = r.reason();
            d.requestedAt = r.requestedAt();
            d.status = r.status();
            d.decidedBy = r.decidedBy();
            d.decisionReason = r.decisionReason();
            d.decidedAt = r.decidedAt();
            d.shareId = r.shareId();
            d.level = r.level();
            d.expiresAt = r.expiresAt();
            d.contact = r.contact();
            d.message = r.message();
            d.version = r.version();
            return d;
        }

        AccessRequest toRequest() {
            return AccessRequest.restore(id, caseId, reference, personId, caseType, ownerOrganisation, requestedBy,
                    requesterOrganisation, reason, requestedAt, status, decidedBy, decisionReason, decidedAt, shareId, level,
                    expiresAt, contact, message, version);
        }
    }

    MongoAccessRequests(MongoTemplate mongo, AggregateStore store, OutboxEvents events) {
        super(mongo, store, events, COLLECTION, AccessRequestDocument.class, AccessRequestDocument::of,
                AccessRequestDocument::toRequest);
    }

    /** Whether the user already waits for an answer about this case. */
    public boolean pendingFor(String caseId, String requestedBy) {
        return mongo.exists(Query.query(Criteria.where("caseId").is(caseId).and("requestedBy").is(requestedBy)
                .and("status").is(AccessRequest.Status.PENDING.name())), COLLECTION);
    }

    /** Whether the user already waits for an answer about the case they named by this reference. */
    public boolean pendingForReference(String reference, String requestedBy) {
        return mongo.exists(Query.query(Criteria.where("reference").is(reference).and("requestedBy").is(requestedBy)
                .and("status").is(AccessRequest.Status.PENDING.name())), COLLECTION);
    }

    /** Requests waiting about this reference that no case was known for when they were made. */
    public List<AccessRequest> unmatched(String reference) {
        Query query = Query.query(Criteria.where("reference").is(reference).and("caseId").is(null)
                .and("status").is(AccessRequest.Status.PENDING.name()));
        query.fields().exclude("outbox");
        return mongo.find(query, AccessRequestDocument.class, COLLECTION).stream().map(AccessRequestDocument::toRequest)
                .toList();
    }

    /** Whether the user already waits for an answer from {@code organisation} about this person. */
    public boolean pendingForPerson(String personId, String organisation, String requestedBy) {
        return mongo.exists(Query.query(Criteria.where("personId").is(personId).and("ownerOrganisation").is(organisation)
                .and("requestedBy").is(requestedBy).and("status").is(AccessRequest.Status.PENDING.name())), COLLECTION);
    }

    /** When the user's requests made since {@code since} were made, oldest first (for the per-user limit). */
    public List<Instant> madeSince(String requestedBy, Instant since) {
        Query query = Query.query(Criteria.where("requestedBy").is(requestedBy).and("requestedAt").gt(since))
                .with(Sort.by(Sort.Direction.ASC, "requestedAt"));
        query.fields().include("requestedAt");
        return mongo.find(query, AccessRequestDocument.class, COLLECTION).stream().map(d -> d.requestedAt).toList();
    }

    public List<AccessRequest> toOrganisation(String organisation, AccessRequest.Status status, int limit) {
        Criteria criteria = Criteria.where("ownerOrganisation").is(organisation);
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        return list(criteria, limit);
    }

    public List<AccessRequest> by(String requestedBy, int limit) {
        return list(Criteria.where("requestedBy").is(requestedBy), limit);
    }

    private List<AccessRequest> list(Criteria criteria, int limit) {
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "requestedAt")).limit(limit);
        query.fields().exclude("outbox");
        return mongo.find(query, AccessRequestDocument.class, COLLECTION).stream()
                .map(AccessRequestDocument::toRequest).toList();
    }
}
