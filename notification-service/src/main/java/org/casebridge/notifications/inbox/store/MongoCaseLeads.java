package org.casebridge.notifications.inbox.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.casebridge.notifications.inbox.domain.CaseLead;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * What notification-service knows of each case from case-service's events (reference, owner, lead officer), and
 * which partners have already been told it was shared with them.
 */
@Repository
public class MongoCaseLeads {

    static final String COLLECTION = "case_leads";

    private final MongoTemplate mongo;

    MongoCaseLeads(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void remember(CaseLead lead) {
        Update update = new Update().set("reference", lead.reference()).set("ownerOrganisation", lead.ownerOrganisation())
                .set("leadOfficer", lead.leadOfficer());
        mongo.upsert(Query.query(Criteria.where("_id").is(lead.caseId())), update, COLLECTION);
    }

    public void leadIs(String caseId, String leadOfficer) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId)), new Update().set("leadOfficer", leadOfficer),
                COLLECTION);
    }

    public Optional<CaseLead> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, org.bson.Document.class, COLLECTION)).map(MongoCaseLeads::lead);
    }

    public List<CaseLead> findAll(Collection<String> caseIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(caseIds)), org.bson.Document.class, COLLECTION).stream()
                .map(MongoCaseLeads::lead).toList();
    }

    /** The principals already told that the case was shared with them. */
    public Set<String> toldOfShare(String caseId) {
        org.bson.Document doc = mongo.findById(caseId, org.bson.Document.class, COLLECTION);
        List<String> told = doc == null ? null : doc.getList("toldOfShare", String.class);
        return told == null ? Set.of() : new HashSet<>(told);
    }

    /** After a decision: these principals have access now (and were told); anyone who lost it will be told again. */
    public void sharedWith(String caseId, Set<String> principals) {
        mongo.upsert(Query.query(Criteria.where("_id").is(caseId)), new Update().set("toldOfShare", List.copyOf(principals)),
                COLLECTION);
    }

    private static CaseLead lead(org.bson.Document d) {
        return new CaseLead(d.get("_id").toString(), d.getString("reference"), d.getString("ownerOrganisation"),
                d.getString("leadOfficer"));
    }
}
