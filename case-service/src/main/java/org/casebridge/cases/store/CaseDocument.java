package org.casebridge.cases.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.casebridge.cases.domain.Case;
import org.casebridge.cases.domain.CaseReference;
import org.casebridge.cases.domain.CaseReviewFlag;
import org.casebridge.cases.domain.CaseStatus;
import org.casebridge.cases.domain.CaseType;
import org.casebridge.cases.domain.Closure;
import org.casebridge.cases.domain.Intervention;
import org.casebridge.cases.domain.Link;
import org.casebridge.cases.domain.LogEntry;
import org.casebridge.cases.domain.RiskAssessment;
import org.casebridge.cases.domain.TransferOffer;
import org.casebridge.platform.access.AccessList;
import org.casebridge.platform.events.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a case is stored: its state and log, its access list (indexed, for filtered lists) and its outbox. */
@Document(MongoCases.COLLECTION)
@CompoundIndexes(@CompoundIndex(name = "visible_newest_first", def = "{'access.view': 1, '_id': -1}"))
class CaseDocument extends AggregateDocument {

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
    List<RiskAssessment> riskAssessments = new ArrayList<>();
    /** The current band, kept beside the assessments so lists can filter and flag on it. */
    @Indexed
    String riskBand;
    List<Link> links = new ArrayList<>();
    /** Ids of linked people, for "cases this person is linked to" lookups. */
    @Indexed
    List<String> linkedPeople = new ArrayList<>();
    List<Intervention> interventions = new ArrayList<>();
    List<CaseReviewFlag> caseReviewFlags = new ArrayList<>();
    /** Indexed so the offered organisation finds the offers waiting for it. */
    @Indexed(sparse = true)
    String transferOfferedTo;
    TransferOffer transferOffer;
    /** Flagged for the ASB Case Review, for lists. */
    boolean caseReviewDue;
    /** Lower-case words of title and summary: free-text search without $text, which not every MongoDB-wire server has. */
    @Indexed
    List<String> searchTokens = new ArrayList<>();
    long version;
    AccessList access;
    /**
     * {@code inbound|<organisation>|<external reference>}: the case a partner system's referral opened, which its later
     * records name. (A practitioner's {@code Idempotency-Key} is the platform's {@code IdempotentCreates}, not this.)
     */
    @Indexed(unique = true, sparse = true)
    String idempotencyKey;

    static CaseDocument of(Case c) {
        Case.Snapshot state = c.snapshot();
        CaseDocument doc = new CaseDocument();
        doc.id = state.id();
        doc.reference = state.reference().value();
        doc.type = state.type().name();
        doc.title = state.title();
        doc.summary = state.summary();
        doc.status = state.status().name();
        doc.ownerOrganisation = state.ownerOrganisation();
        doc.leadOfficer = state.leadOfficer();
        doc.team = state.team();
        doc.openedBy = state.openedBy();
        doc.openedAt = state.openedAt();
        doc.nextReviewDate = state.nextReviewDate();
        doc.closure = state.closure();
        doc.log = new ArrayList<>(state.log());
        doc.riskAssessments = new ArrayList<>(state.riskAssessments());
        doc.riskBand = c.currentRiskBand() == null ? null : c.currentRiskBand().name();
        doc.links = new ArrayList<>(state.links());
        doc.linkedPeople = state.links().stream().filter(l -> l.target() == Link.Target.PERSON).map(Link::targetId)
                .distinct().toList();
        doc.interventions = new ArrayList<>(state.interventions());
        doc.caseReviewFlags = new ArrayList<>(state.caseReviewFlags());
        doc.transferOffer = state.transferOffer();
        doc.transferOfferedTo = state.transferOffer() == null ? null : state.transferOffer().toOrganisation();
        doc.caseReviewDue = !state.caseReviewFlags().isEmpty() && state.status() != CaseStatus.CLOSED;
        doc.searchTokens = SearchTokens.of(state.reference().value(), state.title(), state.summary());
        doc.version = state.version();
        return doc;
    }

    Case toCase() {
        return Case.restore(new Case.Snapshot(id, new CaseReference(reference), CaseType.valueOf(type), title, summary,
                CaseStatus.valueOf(status), ownerOrganisation, leadOfficer, team, openedBy, openedAt, nextReviewDate,
                closure, log, riskAssessments, links, interventions, caseReviewFlags, transferOffer, version));
    }
}
