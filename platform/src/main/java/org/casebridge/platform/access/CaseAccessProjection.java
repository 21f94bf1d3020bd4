package org.casebridge.platform.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A service's local copy of sharing-service's latest decision on each case, from the compacted access topic, for
 * services that protect something about a case without holding the case itself (tasks, people, notifications).
 * They never ask case-service or sharing-service at request time. Switched on with
 * {@code casebridge.access.projection.enabled=true}.
 */
public class CaseAccessProjection {

    public static final String COLLECTION = "case_access";

    /** One case as this service knows it: who owns it, its type, and who may do what. */
    @Document(COLLECTION)
    public record ProjectedCase(@Id String caseId, String ownerOrganisation, String caseType, AccessList access) {
    }

    private final MongoTemplate mongo;

    public CaseAccessProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index(AccessList.VIEW_FIELD,
                org.springframework.data.domain.Sort.Direction.ASC));
    }

    /** The latest decision replaces the whole access list; a case heard of for the first time is added. */
    public void apply(CaseAccessChanged decision, Instant now) {
        mongo.upsert(Query.query(Criteria.where("_id").is(decision.caseId())),
                new Update().set("access", AccessList.from(decision, now)).set("ownerOrganisation", decision.ownerOrganisation())
                        .set("caseType", decision.caseType()), COLLECTION);
    }

    /** Empty when no decision about the case has reached this service: nobody may act on it yet. */
    public Optional<AccessList> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, ProjectedCase.class, COLLECTION)).map(ProjectedCase::access);
    }

    /** The cases among {@code caseIds} this service has heard of, visible or not. */
    public List<ProjectedCase> findAll(Collection<String> caseIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(caseIds)), ProjectedCase.class, COLLECTION);
    }
}
