package org.casebridge.sharing.audit.store;

import java.util.List;

import org.casebridge.contracts.audit.AuditRecorded;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The partnership's audit store: every record from casebridge.audit.v1, appended once and never changed. */
@Repository
public class MongoAuditRecords {

    static final String COLLECTION = "audit_records";

    private final MongoTemplate mongo;

    MongoAuditRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    @CompoundIndex(name = "resource_newest_first", def = "{'resourceType': 1, 'resourceId': 1, 'at': -1}")
    record StoredRecord(@Id String auditId, AuditRecorded record, String resourceType, String resourceId,
            java.time.Instant at) {
    }

    /** @return false when this record was already stored (a redelivery) */
    public boolean append(AuditRecorded record) {
        try {
            mongo.insert(new StoredRecord(record.auditId(), record, record.resourceType(), record.resourceId(), record.at()),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyStored) {
            return false;
        }
    }

    /** Newest first. */
    public List<AuditRecorded> about(String resourceType, String resourceId, int limit) {
        Query query = Query.query(Criteria.where("resourceType").is(resourceType).and("resourceId").is(resourceId))
                .with(Sort.by(Sort.Direction.DESC, "at")).limit(limit);
        return mongo.find(query, StoredRecord.class, COLLECTION).stream().map(StoredRecord::record).toList();
    }
}
