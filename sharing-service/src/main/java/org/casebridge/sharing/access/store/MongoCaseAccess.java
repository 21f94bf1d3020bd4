package org.casebridge.sharing.access.store;

import org.casebridge.platform.aggregate.OptimisticRetry.Round;
import org.casebridge.platform.aggregate.OptimisticRetry;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.Aggregates;
import org.casebridge.platform.events.OutboxEvent;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class MongoCaseAccess extends Aggregates<CaseAccess, CaseAccessDocument> {

    static final String COLLECTION = "case_access";

    private final OptimisticRetry retry;

    MongoCaseAccess(MongoTemplate mongo, AggregateStore store, OutboxEvents events, OptimisticRetry retry) {
        super(mongo, store, events, COLLECTION, CaseAccessDocument.class, CaseAccessDocument::of,
                CaseAccessDocument::toCaseAccess);
        this.retry = retry;
    }

    /** @return false when the case's access was already recorded (a redelivered case event) */
    public boolean insertOnce(CaseAccess access) {
        try {
            insert(access);
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    /** Cases with a share whose expiry has come. */
    public java.util.List<String> withSharesExpiredBy(java.time.Instant now) {
        org.springframework.data.mongodb.core.query.Query query = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("nextExpiry").lte(now));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(d -> d.get("_id").toString()).toList();
    }

    /** Cases where a given consent has lapsed and nobody has been told yet. */
    public java.util.List<String> withConsentLapsedBy(java.time.Instant now) {
        org.springframework.data.mongodb.core.query.Query query = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("nextConsentLapse").lte(now));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(d -> d.get("_id").toString()).toList();
    }

    /** Cases owned by {@code organisation} whose shares wait for review. */
    public java.util.List<CaseAccess> awaitingReview(String organisation) {
        org.springframework.data.mongodb.core.query.Query query = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("ownerOrganisation").is(organisation)
                        .and("review").ne(null));
        query.fields().exclude("outbox");
        return mongo.find(query, CaseAccessDocument.class, COLLECTION).stream().map(CaseAccessDocument::toCaseAccess).toList();
    }

    /**
     * Applies a change to a case's access against the stored version, retrying against a newer one when another
     * change won (the platform's {@link OptimisticRetry}, {@code casebridge.changes.attempts}): a sharing change is
     * all-or-nothing and never overwrites another.
     *
     * @throws DomainException NOT_FOUND when the case's access is not recorded
     * @throws OptimisticLockingFailureException when it kept changing (the caller answers 412, or the listener retries)
     */
    public <T> T change(String caseId, java.util.function.Function<CaseAccess, T> command) {
        return change(caseId, command, null);
    }

    /**
     * As {@link #change(String, java.util.function.Function)}, with the change's audit record, which {@code audit}
     * makes from what the command returned; it is stored in the same single-document write as the change.
     */
    public <T> T change(String caseId, java.util.function.Function<CaseAccess, T> command,
            java.util.function.Function<T, OutboxEvent> audit) {
        return retry.run(() -> {
            CaseAccess current = find(caseId).orElseThrow(() -> DomainException.notFound("Case " + caseId));
            long expected = current.version();
            T result = command.apply(current);
            return Round.of(audit == null ? update(current, expected) : update(current, expected, audit.apply(result)),
                    result);
        }, () -> {
            throw new OptimisticLockingFailureException("the access of case " + caseId + " kept changing");
        });
    }
}
