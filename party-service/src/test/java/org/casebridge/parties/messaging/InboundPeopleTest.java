package org.casebridge.parties.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Only the configured organisations' systems push people in, whatever topic the inbound pattern also matches. */
class InboundPeopleTest {

    private static final byte[] PERSON = "{\"externalId\":\"P-1\",\"kind\":\"PERSON\",\"person\":{\"givenName\":\"Sam\"}}"
            .getBytes(StandardCharsets.UTF_8);

    // no registration and no replies: a record that got as far as either would fail here
    private final InboundPeople listener = new InboundPeople(null, null, JsonMapper.builder().build(), Set.of("THIRTEEN_GROUP"));

    @Test
    void aPersonOnTheTopicOfAnOrganisationNotConfiguredIsIgnored() {
        assertThatCode(() -> listener.on(new ConsumerRecord<>("casebridge.inbound.not_a_partner.v1", 0, 0, "P-1", PERSON)))
                .doesNotThrowAnyException();
    }

    @Test
    void aPersonOnAConfiguredOrganisationsTopicGoesOnToRegistration() {
        assertThatThrownBy(() -> listener.on(new ConsumerRecord<>("casebridge.inbound.thirteen_group.v1", 0, 0, "P-1", PERSON)))
                .isInstanceOf(NullPointerException.class);
    }
}
