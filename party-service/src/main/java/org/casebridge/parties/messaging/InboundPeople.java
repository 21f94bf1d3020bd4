package org.casebridge.parties.messaging;

import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.parties.app.MatchView;
import org.casebridge.parties.app.PersonRegistration;
import org.casebridge.parties.domain.PersonDetails;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.kafka.PlainRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * People partner systems push in ({@code kind: PERSON} on their inbound topic): registered for that organisation
 * through the same registration as a practitioner's ({@link PersonRegistration}), once per external id, and answered
 * on the replies topic with the person's id and who they may already be. Records of other kinds, and unreadable ones, are case-service's.
 */
@Component
class InboundPeople {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InboundPeople.class);

    private final PersonRegistration registration;
    private final PlainRecords replies;
    private final JsonMapper json;
    private final Set<String> organisations;

    InboundPeople(PersonRegistration registration, PlainRecords replies, JsonMapper json,
            @Value("${casebridge.inbound.organisations}") Set<String> organisations) {
        this.registration = registration;
        this.replies = replies;
        this.json = json;
        this.organisations = organisations;
    }

    record Reply(String externalId, String kind, String outcome, String reason, String personId,
            List<MatchView> possibleMatches) {
    }

    @KafkaListener(topicPattern = Topics.INBOUND_PATTERN, groupId = "party-service.inbound",
            properties = "metadata.max.age.ms=30000")
    void on(ConsumerRecord<String, byte[]> record) {
        JsonNode inbound;
        try {
            inbound = json.readTree(record.value());
        } catch (JacksonException unreadable) {
            return;
        }
        if (!inbound.isObject() || !"PERSON".equals(inbound.path("kind").asString(null))) {
            return;
        }
        String organisation = Topics.organisationOfInbound(record.topic());
        if (!organisations.contains(organisation)) {
            // the pattern matches any organisation's topic; only the configured ones' systems may push people in
            log.warn("Ignored a record on {}: {} is not in casebridge.inbound.organisations", record.topic(), organisation);
            return;
        }
        String externalId = inbound.path("externalId").asString(null);
        if (externalId == null || externalId.isBlank() || externalId.length() > 100) {
            reply(organisation, record.key(), new Reply(externalId, "PERSON", "REJECTED", "An inbound record needs an "
                    + "externalId of at most 100 characters.", null, List.of()));
            return;
        }
        reply(organisation, externalId, register(organisation, externalId, inbound.path("person")));
    }

    private Reply register(String organisation, String externalId, JsonNode person) {
        try {
            PersonRegistration.Registered registered = registration.registerFromPartner(organisation, externalId,
                    () -> details(person));
            return new Reply(externalId, "PERSON", "ACCEPTED", null, registered.person().id(),
                    registered.possibleMatches());
        } catch (DomainException | JacksonException refused) {
            return new Reply(externalId, "PERSON", "REJECTED", refused.getMessage(), null, List.of());
        }
    }

    /** The same shape as a practitioner's registration, where an approximate date of birth may be left out. */
    private PersonDetails details(JsonNode person) {
        if (!person.isObject()) {
            throw DomainException.invalid("A person record needs the person.");
        }
        ObjectNode given = ((ObjectNode) person).deepCopy();
        if (given.path("dateOfBirthApproximate").isMissingNode() || given.path("dateOfBirthApproximate").isNull()) {
            given.put("dateOfBirthApproximate", false);
        }
        return json.treeToValue(given, PersonDetails.class);
    }

    private void reply(String organisation, String key, Reply reply) {
        replies.send(Topics.inboundReplies(organisation), key, reply);
    }
}
