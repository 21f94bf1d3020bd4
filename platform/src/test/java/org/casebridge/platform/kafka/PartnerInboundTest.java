package org.casebridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Only the configured organisations' systems push records in, whatever topic the inbound pattern also matches. */
class PartnerInboundTest {

    private final PartnerInbound partners = new PartnerInbound(List.of("STOCKTON_CST", "THIRTEEN_GROUP"), null);

    @Test
    void aRecordOnAConfiguredOrganisationsTopicIsThatOrganisations() {
        assertThat(partners.sender(record("casebridge.inbound.stockton_cst.v1"))).contains("STOCKTON_CST");
        assertThat(partners.sender(record("casebridge.inbound.thirteen_group.v1"))).contains("THIRTEEN_GROUP");
    }

    @Test
    void aRecordOnTheTopicOfAnOrganisationNotConfiguredHasNoSender() {
        assertThat(partners.sender(record("casebridge.inbound.not_a_partner.v1"))).isEmpty();
        assertThat(partners.sender(record("casebridge.inbound.stockton.v1"))).isEmpty();
    }

    private static ConsumerRecord<String, byte[]> record(String topic) {
        return new ConsumerRecord<>(topic, 0, 0, "X-1", new byte[0]);
    }
}
