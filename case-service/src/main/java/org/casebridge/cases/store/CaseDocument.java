package org.casebridge.cases.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.casebridge.cases.domain.Case;
import org.casebridge.cases.domain.CaseReference;
import org.casebridge.cases.domain.CaseStatus;
import org.casebridge.cases.domain.CaseType;
import org.casebridge.cases.domain.Closure;
import org.casebridge.cases.domain.LogEntry;
import org.casebridge.platform.access.AccessList;
import org.casebridge.platform.events.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a case is stored: its state and log, its access list (indexed, for filtered lists) and its outbox. */
@Document(MongoCases.COLLECTION)
@CompoundIndexes(@CompoundIndex(name = "visible_newest_first", def = "{'access.view': 1, '_id': -1}"))
class CaseDocument {

    /** Kept by sharing-service's decisions and the idempotency check, never by commands on the case. */
    static final String[] NOT_OWNED_BY_COMMANDS = {"access", "idempotencyKey"};

    @Id
    String id;
    @Indexed(unique = true)
    String reference;
    String type;
    String title;
    String summary;
    String status;
    String ownerOrganisation;
    String leadOfficer;
    String team;
    String openedBy;
    Instant openedAt;
    LocalDate nextReviewDate;
    Closure closure;
    List<LogEntry> log = new ArrayList<>();
    long version;
    AccessList access;
    /** {@code <user>|<Idempotency-Key>}: a retried POST finds the case it already created. */
    @Indexed(unique = true, sparse = true)
    String idempotencyKey;
    List<OutboxEvent> outbox = new ArrayList<>();

    static CaseDocument of(Case c) {
        CaseDocument doc = new CaseDocument();
        doc.id = c.id();
        doc.reference = c.reference().value();
        doc.type = c.type().name();
        doc.title = c.title();
        doc.summary = c.summary();
        doc.status = c.status().name();
        doc.ownerOrganisation = c.ownerOrganisation();
        doc.leadOfficer = c.leadOfficer();
        doc.team = c.team();
        doc.openedBy = c.openedBy();
        doc.openedAt = c.openedAt();
        doc.nextReviewDate = c.nextReviewDate();
        doc.closure = c.closure();
        doc.log = new ArrayList<>(c.log());
        doc.version = c.version();
        return doc;
    }

    Case toCase() {
        return Case.restore(id, new CaseReference(reference), CaseType.valueOf(type), title, summary,
                CaseStatus.valueOf(status), ownerOrganisation, leadOfficer, team, openedBy, openedAt, nextReviewDate,
                closure, log, version);
    }
}
