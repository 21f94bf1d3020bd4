package org.casebridge.parties.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.parties.app.MatchView;
import org.casebridge.parties.app.PersonRegistration;
import org.casebridge.parties.domain.PersonDetails;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.kafka.PartnerInbound;
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

    private final PersonRegistration registration;
    private final PartnerInbound partners;
    private final JsonMapper json;

    InboundPeople(PersonRegistration registration, PartnerInbound partners, JsonMapper json) {
        this.registration = registration;
        this.partners = partners;
        this.json = json;
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
        String organisation = partners.sender(record).orElse(null);
        if (organisation == null) {
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
        partners.reply(organisation, key, reply);
    }
}
