package org.casebridge.cases.inbound.app;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.casebridge.cases.app.CaseCommands;
import org.casebridge.cases.domain.Actor;
import org.casebridge.cases.domain.Case;
import org.casebridge.cases.inbound.domain.InboundOutcome;
import org.casebridge.cases.inbound.domain.InboundRecord;
import org.casebridge.cases.inbound.store.MongoInboundRecords;
import org.casebridge.contracts.Topics;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.kafka.PlainRecords;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Incidents and referrals partner systems push in. Each record is decided once — ACCEPTED or REJECTED with the reason
 * — and the same record sent again gets the same answer and changes nothing. PERSON records are party-service's.
 */
@Service
public class InboundIntake {

    /** Who incidents and referrals are recorded as: the partner's system, not a person. */
    static final String INBOUND_ACTOR = "inbound";

    private final MongoInboundRecords outcomes;
    private final CaseCommands cases;
    private final PlainRecords records;
    private final Clock clock;

    InboundIntake(MongoInboundRecords outcomes, CaseCommands cases, PlainRecords records, Clock clock) {
        this.outcomes = outcomes;
        this.cases = cases;
        this.records = records;
        this.clock = clock;
    }

    /**
     * A partner without Kafka pushes a record over HTTP: it joins the organisation's inbound topic, exactly as if the
     * partner had published it. Only that organisation's integration clients may.
     */
    public void receive(String organisation, InboundRecord record, CurrentUser user) {
        requireIntegrationClientOf(organisation, user);
        record.validate();
        records.send(Topics.inbound(organisation), record.externalId(), record);
    }

    /** What became of a record the organisation's system pushed in, if it has been processed. */
    public Optional<InboundOutcome> outcome(String organisation, String externalId, CurrentUser user) {
        requireIntegrationClientOf(organisation, user);
        return outcomes.find(organisation, externalId);
    }

    /** The answer to an incident or a referral: the first decision on it, kept. */
    public InboundOutcome answer(String organisation, InboundRecord inbound) {
        if (inbound.externalId() == null || inbound.externalId().isBlank()) {
            throw DomainException.invalid("An inbound record without an externalId cannot be answered");
        }
        return outcomes.find(organisation, inbound.externalId()).orElseGet(() -> outcomes.record(decide(organisation, inbound)));
    }

    private InboundOutcome decide(String organisation, InboundRecord inbound) {
        try {
            inbound.validate();
            return inbound.kind() == InboundRecord.Kind.INCIDENT ? incident(organisation, inbound) : referral(organisation, inbound);
        } catch (DomainException refused) {
            return outcome(organisation, inbound, "REJECTED", refused.getMessage(), null, null, null);
        }
    }

    /** The incident goes on its case's log, if the partner may contribute to that case. */
    private InboundOutcome incident(String organisation, InboundRecord inbound) {
        InboundRecord.Incident incident = inbound.incident();
        String named = incident.caseReference() != null ? incident.caseReference() : incident.caseExternalReference();
        Case target = cases.partnerMayContributeTo(organisation, incident.caseReference(),
                incident.caseReference() != null ? null : referralKey(organisation, incident.caseExternalReference()))
                .orElseThrow(() -> DomainException.notFound("No case " + named + " that " + organisation + " may contribute to"));
        String entryId = UUID.nameUUIDFromBytes((organisation + "|" + inbound.externalId()).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "").substring(0, 24);
        cases.logPartnerUpdate(target.id(), entryId, new Actor(INBOUND_ACTOR, organisation), inbound.logText(organisation));
        return outcome(organisation, inbound, "ACCEPTED", null, target.id(), target.reference().value(), entryId);
    }

    /** The referral becomes a case in REFERRAL, owned by the referring organisation, for it to accept. */
    private InboundOutcome referral(String organisation, InboundRecord inbound) {
        InboundRecord.Referral referral = inbound.referral();
        String externalReference = referral.externalReference() != null ? referral.externalReference() : inbound.externalId();
        Case opened = cases.openReferral(referralKey(organisation, externalReference), new Case.CaseOpening(referral.type(),
                referral.title(), referral.summary(), organisation, INBOUND_ACTOR, referral.leadOfficer(), null, true, null));
        return outcome(organisation, inbound, "ACCEPTED", null, opened.id(), opened.reference().value(), null);
    }

    private static String referralKey(String organisation, String externalReference) {
        return "inbound|" + organisation + "|" + externalReference;
    }

    private InboundOutcome outcome(String organisation, InboundRecord inbound, String outcome, String reason,
            String caseId, String caseReference, String entryId) {
        return new InboundOutcome(InboundOutcome.idOf(organisation, inbound.externalId()), organisation,
                inbound.externalId(), inbound.kind() == null ? null : inbound.kind().name(), outcome, reason, caseId,
                caseReference, entryId, clock.instant());
    }

    private static void requireIntegrationClientOf(String organisation, CurrentUser user) {
        if (!user.roles().contains("INTEGRATION") || !organisation.equals(user.organisation())) {
            throw DomainException.forbidden("Only " + organisation + "'s integration clients push records in for it.");
        }
    }
}
