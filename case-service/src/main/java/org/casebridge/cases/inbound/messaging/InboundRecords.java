package org.casebridge.cases.inbound.messaging;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.cases.inbound.app.InboundIntake;
import org.casebridge.cases.inbound.domain.InboundOutcome;
import org.casebridge.cases.inbound.domain.InboundRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.platform.kafka.PlainRecords;
import org.springframework.beans.factory.annotation.Value;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InboundRecords.class);

    private final InboundIntake intake;
    private final PlainRecords replies;
    private final JsonMapper json;
    private final Set<String> organisations;

    InboundRecords(InboundIntake intake, PlainRecords replies, JsonMapper json,
            @Value("${casebridge.inbound.organisations}") Set<String> organisations) {
        this.intake = intake;
        this.replies = replies;
        this.json = json;
        this.organisations = organisations;
    }

    @KafkaListener(topicPattern = Topics.INBOUND_PATTERN, groupId = "case-service.inbound",
            properties = "metadata.max.age.ms=30000")
    void on(ConsumerRecord<String, byte[]> record) {
        String organisation = Topics.organisationOfInbound(record.topic());
        if (!organisations.contains(organisation)) {
            // the pattern matches any organisation's topic; only the configured ones' systems may push records in
            log.warn("Ignored a record on {}: {} is not in casebridge.inbound.organisations", record.topic(), organisation);
            return;
        }
        InboundRecord inbound = json.readValue(record.value(), InboundRecord.class); // unreadable: dead-letter topic
        if (inbound.kind() == InboundRecord.Kind.PERSON) {
            return;
        }
        InboundOutcome outcome = intake.answer(organisation, inbound);
        replies.send(Topics.inboundReplies(organisation), outcome.externalId(), outcome);
    }
}
