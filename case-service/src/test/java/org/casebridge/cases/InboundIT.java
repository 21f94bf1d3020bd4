package org.casebridge.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.core.KafkaTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Partner systems push referrals and incidents in, over HTTP or Kafka, and nobody keys them twice. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboundIT {

    private static final Duration ARRIVES = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> raw;
    @Autowired
    JsonMapper json;

    private final String stocktonSystem = TestTokens.token("stockton.asbdb", "STOCKTON_CST", List.of(), List.of("INTEGRATION"));
    private final String jo = DemoUsers.JO_SMITH.token();

    private List<JsonNode> replies(TopicProbe probe, String externalId) {
        return probe.keyed(externalId).stream().map(r -> json.readTree(r.value())).toList();
    }

    private void publish(String organisation, String key, String body) throws Exception {
        raw.send(Topics.inbound(organisation), key, body.getBytes(StandardCharsets.UTF_8)).get();
    }

    @Test
    void aReferralBecomesACaseAndItsIncidentsLandOnItsLogOnceEvenWhenSentTwice() throws Exception {
        String ref = "ASBDB-" + System.nanoTime();
        try (TopicProbe stocktonReplies = new TopicProbe(Topics.inboundReplies("STOCKTON_CST"));
                TopicProbe policeReplies = new TopicProbe(Topics.inboundReplies("CLEVELAND_POLICE"))) {
            var received = ApiClient.onPort(port).post("/api/v1/inbound/STOCKTON_CST", stocktonSystem,
                    "{\"externalId\":\"" + ref + "-R\",\"kind\":\"REFERRAL\",\"referral\":{\"type\":\"ASB_NUISANCE\","
                            + "\"title\":\"Noise from 4 Oak Close\",\"externalReference\":\"" + ref + "\"}}");
            assertThat(received.getStatusCode().value()).isEqualTo(202);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(replies(stocktonReplies, ref + "-R")).isNotEmpty());
            JsonNode accepted = replies(stocktonReplies, ref + "-R").get(0);
            assertThat(accepted.get("outcome").asString()).isEqualTo("ACCEPTED");
            String caseId = accepted.get("caseId").asString();
            String reference = accepted.get("caseReference").asString();
            JsonNode referred = ApiClient.onPort(port).get("/api/v1/cases/" + caseId, jo).getBody();
            assertThat(referred.get("status").asString()).isEqualTo("REFERRAL");
            assertThat(referred.get("ownerOrganisation").asString()).isEqualTo("STOCKTON_CST");

            String incident = "{\"externalId\":\"" + ref + "-I1\",\"kind\":\"INCIDENT\",\"incident\":{\"caseExternalReference\":\""
                    + ref + "\",\"occurredAt\":\"2026-11-20T22:15:00Z\",\"text\":\"Loud music reported by No. 6\"}}";
            publish("STOCKTON_CST", ref + "-I1", incident);
            publish("STOCKTON_CST", ref + "-I1", incident);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(replies(stocktonReplies, ref + "-I1")).hasSize(2));
            // the second sending is answered like the first, with the same log entry
            assertThat(replies(stocktonReplies, ref + "-I1")).extracting(r -> r.get("entryId").asString()).containsOnly(
                    replies(stocktonReplies, ref + "-I1").get(0).get("entryId").asString());
            JsonNode log = ApiClient.onPort(port).get("/api/v1/cases/" + caseId + "/log", jo).getBody();
            assertThat(log.findValuesAsString("text")).containsExactly(
                    "[STOCKTON_CST incident " + ref + "-I1 at 2026-11-20T22:15:00Z] Loud music reported by No. 6");
            assertThat(log.get(0).get("author").asString()).isEqualTo("inbound");

            // the police system may not write on a case it cannot contribute to
            publish("CLEVELAND_POLICE", ref + "-P", "{\"externalId\":\"" + ref + "-P\",\"kind\":\"INCIDENT\",\"incident\":"
                    + "{\"caseReference\":\"" + reference + "\",\"text\":\"Attended\"}}");
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(replies(policeReplies, ref + "-P")).isNotEmpty());
            assertThat(replies(policeReplies, ref + "-P").get(0).get("outcome").asString()).isEqualTo("REJECTED");
            assertThat(replies(policeReplies, ref + "-P").get(0).get("reason").asString()).contains("may contribute to");
            assertThat(ApiClient.onPort(port).get("/api/v1/inbound/STOCKTON_CST/" + ref + "-I1", stocktonSystem).getBody()
                    .get("outcome").asString()).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicWithTheReasonAndTheNextIsProcessed() throws Exception {
        String ref = "BAD-" + System.nanoTime();
        try (TopicProbe dead = new TopicProbe(Topics.deadLetter(Topics.inbound("STOCKTON_CST")));
                TopicProbe replies = new TopicProbe(Topics.inboundReplies("STOCKTON_CST"))) {
            publish("STOCKTON_CST", ref, "this is not JSON");
            publish("STOCKTON_CST", ref + "-NEXT", "{\"externalId\":\"" + ref + "-NEXT\",\"kind\":\"INCIDENT\",\"incident\":"
                    + "{\"caseReference\":\"ASB-2026-999999\"}}");
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(dead.keyed(ref)).isNotEmpty());
            ConsumerRecord<String, byte[]> letter = dead.keyed(ref).get(0);
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("this is not JSON");
            assertThat(TopicProbe.header(letter, "kafka_dlt-exception-message")).isNotBlank();
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(replies(replies, ref + "-NEXT")).isNotEmpty());
            assertThat(replies(replies, ref + "-NEXT").get(0).get("reason").asString()).contains("text");
        }
    }

    @Test
    void onlyTheOrganisationsOwnSystemPushesAndTheShapeIsCheckedAtTheDoor() {
        var api = ApiClient.onPort(port);
        String body = "{\"externalId\":\"X-1\",\"kind\":\"REFERRAL\",\"referral\":{\"type\":\"ASB_NUISANCE\",\"title\":\"t\"}}";
        assertThat(api.post("/api/v1/inbound/STOCKTON_CST", jo, body).getStatusCode().value()).isEqualTo(403);
        String policeSystem = TestTokens.token("police.cad", "CLEVELAND_POLICE", List.of(), List.of("INTEGRATION"));
        assertThat(api.post("/api/v1/inbound/STOCKTON_CST", policeSystem, body).getStatusCode().value()).isEqualTo(403);
        var noTitle = api.post("/api/v1/inbound/STOCKTON_CST", stocktonSystem,
                "{\"externalId\":\"X-2\",\"kind\":\"REFERRAL\",\"referral\":{\"type\":\"ASB_NUISANCE\"}}");
        assertThat(noTitle.getStatusCode().value()).isEqualTo(422);
        assertThat(api.post("/api/v1/inbound/STOCKTON_CST", stocktonSystem, "{\"externalId\":\"X-3\",\"kind\":\"GOSSIP\"}")
                .getStatusCode().value()).isEqualTo(400);
        assertThat(api.call(HttpMethod.GET, "/api/v1/inbound/STOCKTON_CST/never-sent", stocktonSystem, null, null)
                .getStatusCode().value()).isEqualTo(404);
    }
}
