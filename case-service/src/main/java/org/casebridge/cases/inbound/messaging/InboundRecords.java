package org.casebridge.cases.inbound.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.cases.domain.Actor;
import org.casebridge.cases.domain.Case;
import org.casebridge.cases.domain.CaseReferences;
import org.casebridge.cases.domain.LogEntry;
import org.casebridge.cases.inbound.domain.InboundRecord;
import org.casebridge.cases.inbound.store.MongoInboundRecords;
import org.casebridge.cases.inbound.store.MongoInboundRecords.Outcome;
import org.casebridge.cases.store.MongoCases;
import org.casebridge.cases.store.MongoCases.VisibleCase;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.kafka.PlainRecords;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents and referrals partner systems push in, from every organisation's inbound topic. Each record is answered
 * once on the organisation's replies topic, ACCEPTED or REJECTED with the reason; the same record sent again gets the
 * same answer and changes nothing. A record that is not JSON of the documented shape goes to the dead-letter topic
 * (the platform's error handler) and the rest carry on. PERSON records are party-service's.
 */
@Component
class InboundRecords {

    /** Who incidents and referrals are recorded as: the partner's system, not a person. */
    static final String INBOUND_ACTOR = "inbound";

    private final MongoInboundRecords outcomes;
    private final MongoCases cases;
    private final CaseReferences references;
    private final PlainRecords replies;
    private final JsonMapper json;
    private final Clock clock;

    InboundRecords(MongoInboundRecords outcomes, MongoCases cases, CaseReferences references,
            PlainRecords replies, JsonMapper json, Clock clock) {
        this.outcomes = outcomes;
        this.cases = cases;
        this.references = references;
        this.replies = replies;
        this.json = json;
        this.clock = clock;
    }

    @KafkaListener(topicPattern = Topics.INBOUND_PATTERN, groupId = "case-service.inbound",
            properties = "metadata.max.age.ms=30000")
    void on(ConsumerRecord<String, byte[]> record) {
        String organisation = Topics.organisationOfInbound(record.topic());
        InboundRecord inbound = json.readValue(record.value(), InboundRecord.class); // unreadable: dead-letter topic
        if (inbound.kind() == InboundRecord.Kind.PERSON) {
            return;
        }
        if (inbound.externalId() == null || inbound.externalId().isBlank()) {
            throw DomainException.invalid("An inbound record without an externalId cannot be answered");
        }
        Outcome outcome = outcomes.find(organisation, inbound.externalId()).orElseGet(() -> outcomes.record(decide(organisation, inbound)));
        reply(organisation, outcome);
    }

    private Outcome decide(String organisation, InboundRecord inbound) {
        try {
            inbound.validate();
            return inbound.kind() == InboundRecord.Kind.INCIDENT ? incident(organisation, inbound) : referral(organisation, inbound);
        } catch (DomainException refused) {
            return outcome(organisation, inbound, "REJECTED", refused.getMessage(), null, null, null);
        }
    }

    /** The incident goes on its case's log, if the partner may contribute to that case. */
    private Outcome incident(String organisation, InboundRecord inbound) {
        InboundRecord.Incident incident = inbound.incident();
        Optional<VisibleCase> found = incident.caseReference() != null ? cases.findByReference(incident.caseReference())
                : cases.findByIdempotencyKey(referralKey(organisation, incident.caseExternalReference()));
        String named = incident.caseReference() != null ? incident.caseReference() : incident.caseExternalReference();
        VisibleCase target = found.filter(c -> c.access().allows(List.of("org:" + organisation), AccessLevel.CONTRIBUTE))
                .orElseThrow(() -> DomainException.notFound("No case " + named + " that " + organisation + " may contribute to"));
        String entryId = UUID.nameUUIDFromBytes((organisation + "|" + inbound.externalId()).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "").substring(0, 24);
        cases.change(target.value().id(), c -> !c.hasLogEntry(entryId) && c.addLogEntry(
                new Actor(INBOUND_ACTOR, organisation), entryId, LogEntry.Kind.PARTNER_UPDATE, inbound.logText(organisation),
                LogEntry.Visibility.PARTNERSHIP, null, clock.instant()) != null);
        return outcome(organisation, inbound, "ACCEPTED", null, target.value().id(), target.value().reference().value(), entryId);
    }

    /** The referral becomes a case in REFERRAL, owned by the referring organisation, for it to accept. */
    private Outcome referral(String organisation, InboundRecord inbound) {
        InboundRecord.Referral referral = inbound.referral();
        String externalReference = referral.externalReference() != null ? referral.externalReference() : inbound.externalId();
        String key = referralKey(organisation, externalReference);
        Optional<VisibleCase> earlier = cases.findByIdempotencyKey(key);
        Case opened = earlier.map(VisibleCase::value).orElseGet(() -> {
            Case c = Case.open(cases.newId(), new Case.CaseOpening(referral.type(), referral.title(), referral.summary(),
                    organisation, INBOUND_ACTOR, referral.leadOfficer(), null, true, null), references, clock.instant());
            try {
                cases.insert(c, key);
                return c;
            } catch (DuplicateKeyException raced) {
                return cases.findByIdempotencyKey(key).orElseThrow().value();
            }
        });
        return outcome(organisation, inbound, "ACCEPTED", null, opened.id(), opened.reference().value(), null);
    }

    private static String referralKey(String organisation, String externalReference) {
        return "inbound|" + organisation + "|" + externalReference;
    }

    private Outcome outcome(String organisation, InboundRecord inbound, String outcome, String reason, String caseId,
            String caseReference, String entryId) {
        return new Outcome(MongoInboundRecords.idOf(organisation, inbound.externalId()), organisation, inbound.externalId(),
                inbound.kind() == null ? null : inbound.kind().name(), outcome, reason, caseId, caseReference, entryId,
                clock.instant());
    }

    private void reply(String organisation, Outcome outcome) {
        replies.send(Topics.inboundReplies(organisation), outcome.externalId(), outcome);
    }
}
