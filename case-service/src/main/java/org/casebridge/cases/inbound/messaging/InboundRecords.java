package org.casebridge.cases.inbound.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.cases.inbound.app.InboundIntake;
import org.casebridge.cases.inbound.domain.InboundOutcome;
import org.casebridge.cases.inbound.domain.InboundRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.platform.kafka.PartnerInbound;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents and referrals partner systems push in, from every organisation's inbound topic. Each record is answered
 * once on the organisation's replies topic ({@link InboundIntake} decides); the same record sent again gets the same
 * answer. A record that is not JSON of the documented shape goes to the dead-letter topic (the platform's error
 * handler) and the rest carry on. PERSON records are party-service's.
 */
@Component
class InboundRecords {

    private final InboundIntake intake;
    private final PartnerInbound partners;
    private final JsonMapper json;

    InboundRecords(InboundIntake intake, PartnerInbound partners, JsonMapper json) {
        this.intake = intake;
        this.partners = partners;
        this.json = json;
    }

    @KafkaListener(topicPattern = Topics.INBOUND_PATTERN, groupId = "case-service.inbound",
            properties = "metadata.max.age.ms=30000")
    void on(ConsumerRecord<String, byte[]> record) {
        String organisation = partners.sender(record).orElse(null);
        if (organisation == null) {
            return;
        }
        InboundRecord inbound = json.readValue(record.value(), InboundRecord.class); // unreadable: dead-letter topic
        if (inbound.kind() == InboundRecord.Kind.PERSON) {
            return;
        }
        InboundOutcome outcome = intake.answer(organisation, inbound);
        partners.reply(organisation, outcome.externalId(), outcome);
    }
}
