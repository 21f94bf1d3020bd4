package org.casebridge.cases.inbound.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Only the configured organisations' systems push records in, whatever topic the inbound pattern also matches. */
class InboundRecordsTest {

    private static final byte[] REFERRAL = ("{\"externalId\":\"X-1\",\"kind\":\"REFERRAL\",\"referral\":"
            + "{\"type\":\"ASB_NUISANCE\",\"title\":\"Noise\"}}").getBytes(StandardCharsets.UTF_8);

    // no intake and no replies: a record that got as far as either would fail here
    private final InboundRecords listener = new InboundRecords(null, null, JsonMapper.builder().build(), Set.of("STOCKTON_CST"));

    @Test
    void aRecordOnTheTopicOfAnOrganisationNotConfiguredIsIgnored() {
        assertThatCode(() -> listener.on(new ConsumerRecord<>("casebridge.inbound.not_a_partner.v1", 0, 0, "X-1", REFERRAL)))
                .doesNotThrowAnyException();
    }

    @Test
    void aRecordOnAConfiguredOrganisationsTopicGoesOnToTheIntake() {
        assertThatThrownBy(() -> listener.on(new ConsumerRecord<>("casebridge.inbound.stockton_cst.v1", 0, 0, "X-1", REFERRAL)))
                .isInstanceOf(NullPointerException.class);
    }
}
