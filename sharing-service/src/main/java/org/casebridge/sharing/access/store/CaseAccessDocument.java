package org.casebridge.sharing.access.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.platform.events.OutboxEvent;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(MongoCaseAccess.COLLECTION)
class CaseAccessDocument {

    @Id
    String caseId;
    String caseType;
    String ownerOrganisation;
    boolean restricted;
    List<Grant> grants = new ArrayList<>();
    Instant decidedAt;
    long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    static CaseAccessDocument of(CaseAccess access) {
        CaseAccessDocument doc = new CaseAccessDocument();
        doc.caseId = access.caseId();
        doc.caseType = access.caseType();
        doc.ownerOrganisation = access.ownerOrganisation();
        doc.restricted = access.restricted();
        doc.grants = new ArrayList<>(access.grants());
        doc.decidedAt = access.decidedAt();
        doc.version = access.version();
        return doc;
    }

    CaseAccess toCaseAccess() {
        return CaseAccess.restore(caseId, caseType, ownerOrganisation, restricted, grants, decidedAt, version);
    }
}
