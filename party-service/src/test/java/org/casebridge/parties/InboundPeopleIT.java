package org.casebridge.parties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.casebridge.contracts.Topics;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A partner system's person records go through the same matching as a practitioner's, once per external id. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboundPeopleIT {

    private static final Duration ARRIVES = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> raw;
    @Autowired
    JsonMapper json;

    private List<JsonNode> replies(TopicProbe probe, String externalId) {
        return probe.keyed(externalId).stream().map(r -> json.readTree(r.value())).toList();
    }

    @Test
    void aPersonFromAPartnerSystemIsRegisteredOnceAndMatchedAgainstTheirOtherRecords() throws Exception {
        String family = "Inbound" + System.nanoTime() % 100000;
        String jo = DemoUsers.JO_SMITH.token();
        String existing = ApiClient.onPort(port).post("/api/v1/parties/people", jo, "{\"givenName\":\"Robert\",\"familyName\":\""
                + family + "\",\"dateOfBirth\":\"1971-03-09\"}").getBody().get("id").asString();
        String record = "{\"externalId\":\"CRM-" + family + "\",\"kind\":\"PERSON\",\"person\":{\"givenName\":\"Bob\","
                + "\"familyName\":\"" + family + "\",\"dateOfBirth\":\"1971-03-09\"}}";
        try (TopicProbe replies = new TopicProbe(Topics.inboundReplies("STOCKTON_CST"))) {
            raw.send(Topics.inbound("STOCKTON_CST"), "CRM-" + family, record.getBytes(StandardCharsets.UTF_8)).get();
            raw.send(Topics.inbound("STOCKTON_CST"), "CRM-" + family, record.getBytes(StandardCharsets.UTF_8)).get();
            raw.send(Topics.inbound("STOCKTON_CST"), "CRM-BAD-" + family, ("{\"externalId\":\"CRM-BAD-" + family
                    + "\",\"kind\":\"PERSON\",\"person\":{\"givenName\":\"No surname\"}}").getBytes(StandardCharsets.UTF_8)).get();

            await().atMost(ARRIVES).untilAsserted(() -> assertThat(replies(replies, "CRM-" + family)).hasSize(2));
            List<JsonNode> answers = replies(replies, "CRM-" + family);
            assertThat(answers).extracting(a -> a.get("outcome").asString()).containsOnly("ACCEPTED");
            assertThat(answers).extracting(a -> a.get("personId").asString()).containsOnly(answers.get(0).get("personId").asString());
            assertThat(answers.get(0).get("possibleMatches").findValuesAsString("personId")).contains(existing);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(replies(replies, "CRM-BAD-" + family)).singleElement()
                    .satisfies(a -> {
                        assertThat(a.get("outcome").asString()).isEqualTo("REJECTED");
                        assertThat(a.get("reason").asString()).contains("family name");
                    }));
        }
        assertThat(ApiClient.onPort(port).get("/api/v1/parties/people?name=" + family, jo).getBody().get("items")).hasSize(2);
    }
}
