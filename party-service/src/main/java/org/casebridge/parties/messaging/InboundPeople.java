package org.casebridge.parties.messaging;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.parties.api.MatchView;
import org.casebridge.parties.api.PossibleMatches;
import org.casebridge.parties.domain.Person;
import org.casebridge.parties.domain.PersonDetails;
import org.casebridge.parties.store.MongoPeople;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.kafka.PlainRecords;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * People partner systems push in ({@code kind: PERSON} on their inbound topic): registered for that organisation
 * through the same matching as a practitioner's registration, once per external id, and answered on the replies topic
 * with the person's id and who they may already be. Records of other kinds, and unreadable ones, are case-service's.
 */
@Component
class InboundPeople {

    private final MongoPeople people;
    private final PossibleMatches matches;
    private final PlainRecords replies;
    private final JsonMapper json;
    private final Clock clock;

    InboundPeople(MongoPeople people, PossibleMatches matches, PlainRecords replies, JsonMapper json, Clock clock) {
        this.people = people;
        this.matches = matches;
        this.replies = replies;
        this.json = json;
        this.clock = clock;
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
        String externalId = inbound.path("externalId").asString(null);
        if (externalId == null || externalId.isBlank() || externalId.length() > 100) {
            reply(organisation, record.key(), new Reply(externalId, "PERSON", "REJECTED", "An inbound record needs an "
                    + "externalId of at most 100 characters.", null, List.of()));
            return;
        }
        reply(organisation, externalId, register(organisation, externalId, inbound.path("person")));
    }

    private Reply register(String organisation, String externalId, JsonNode person) {
        String key = "inbound|" + organisation + "|" + externalId;
        var earlier = people.findByIdempotencyKey(key);
        if (earlier.isPresent()) {
            return new Reply(externalId, "PERSON", "ACCEPTED", null, earlier.get().id(), List.of());
        }
        try {
            if (!person.isObject()) {
                throw DomainException.invalid("A person record needs the person.");
            }
            // the same shape as a practitioner's registration, where an approximate date of birth may be left out
            tools.jackson.databind.node.ObjectNode given = ((tools.jackson.databind.node.ObjectNode) person).deepCopy();
            if (given.path("dateOfBirthApproximate").isMissingNode() || given.path("dateOfBirthApproximate").isNull()) {
                given.put("dateOfBirthApproximate", false);
            }
            PersonDetails details = json.treeToValue(given, PersonDetails.class);
            Person registered = Person.register(people.newId(), details, "inbound", organisation, clock.instant());
            List<PossibleMatches.Ranked> found = matches.of(registered);
            people.insert(registered, key);
            return new Reply(externalId, "PERSON", "ACCEPTED", null, registered.id(),
                    matches.reviewed(registered, found, organisation));
        } catch (DomainException | JacksonException refused) {
            return new Reply(externalId, "PERSON", "REJECTED", refused.getMessage(), null, List.of());
        } catch (DuplicateKeyException raced) {
            return new Reply(externalId, "PERSON", "ACCEPTED", null, people.findByIdempotencyKey(key).orElseThrow().id(),
                    List.of());
        }
    }

    private void reply(String organisation, String key, Reply reply) {
        replies.send(Topics.inboundReplies(organisation), key, reply);
    }
}
