package org.casebridge.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.bson.types.ObjectId;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A partner without Kafka gets its feed over HTTP: signed, retried while its endpoint fails, and replayed on request. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "casebridge.webhooks.allow-http=true", "casebridge.webhooks.first-retry=PT0.5S",
        "casebridge.webhooks.send-every=PT0.2S"})
class WebhookIT {

    private static final Duration ARRIVES = Duration.ofSeconds(30);

    private record Call(String signature, String timestamp, String position, String body) {
    }

    private static HttpServer partner;
    private static final List<Call> accepted = new CopyOnWriteArrayList<>();
    private static final AtomicInteger failuresLeft = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;
    @Autowired
    JsonMapper json;

    @BeforeAll
    static void startPartnerSystem() throws IOException {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/casebridge-hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            if (status == 204) {
                accepted.add(new Call(exchange.getRequestHeaders().getFirst("X-CaseBridge-Signature"),
                        exchange.getRequestHeaders().getFirst("X-CaseBridge-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-CaseBridge-Position"), new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        partner.start();
    }

    @AfterAll
    static void stopPartnerSystem() {
        partner.stop(0);
    }

    private List<JsonNode> acceptedAbout(String caseId) {
        return accepted.stream().map(c -> json.readTree(c.body())).filter(e -> caseId.equals(e.get("subject").asString()))
                .toList();
    }

    @Test
    void aPartnerSystemGetsItsFeedSignedRetriedAndReplayed() {
        String housingSystem = TestTokens.token("thirteen.crm", "THIRTEEN_GROUP", List.of(), List.of("INTEGRATION"));
        String jo = TestTokens.practitioner("jo.smith", "STOCKTON_CST", "STOCKTON_ASB");
        var api = ApiClient.onPort(port);
        assertThat(api.post("/api/v1/sharing/webhooks", jo, "{\"url\":\"http://127.0.0.1/x\"}").getStatusCode().value())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/sharing/webhooks", housingSystem, "{\"url\":\"ftp://127.0.0.1/x\"}").getStatusCode()
                .value()).isEqualTo(422);
        var subscribed = api.post("/api/v1/sharing/webhooks", housingSystem,
                "{\"url\":\"http://127.0.0.1:" + partner.getAddress().getPort() + "/casebridge-hook\"}");
        assertThat(subscribed.getStatusCode().value()).isEqualTo(201);
        String subscription = subscribed.getBody().get("id").asString();
        String secret = subscribed.getBody().get("secret").asString();
        assertThat(api.get("/api/v1/sharing/webhooks", housingSystem).getBody().get(0).get("secret").isNull()).isTrue();

        // the partner's endpoint is down for its first three calls
        failuresLeft.set(3);
        String caseId = new ObjectId().toHexString();
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, "ASB-2026-000950", "ASB_PERSONAL", false, "Hooked",
                "OPEN", "STOCKTON_CST", "jo.smith", null, "jo.smith", Instant.now())));
        await().atMost(ARRIVES).until(() -> api.get("/api/v1/sharing/cases/" + caseId + "/access", jo).getStatusCode()
                .value() == 200);
        assertThat(api.post("/api/v1/sharing/cases/" + caseId + "/shares", jo,
                "{\"kind\":\"ORGANISATION\",\"principal\":\"THIRTEEN_GROUP\",\"level\":\"VIEW\",\"reason\":\"Tenancy\"}")
                .getStatusCode().value()).isEqualTo(201);
        await().atMost(ARRIVES).until(() -> api.get("/api/v1/access/check?case=" + caseId + "&action=VIEW",
                TestTokens.practitioner("tom.reid", "THIRTEEN_GROUP", "THIRTEEN_ASB")).getBody().get("allowed").asBoolean());
        store.append(events.of(caseId, 2L, new CaseLogEntryAdded(caseId, "ASB-2026-000950", new ObjectId().toHexString(),
                "VISIT", "PARTNERSHIP", null, "jo.smith", "STOCKTON_CST", Instant.now())));

        await().atMost(ARRIVES).untilAsserted(() -> assertThat(acceptedAbout(caseId))
                .extracting(e -> e.get("type").asString()).contains("casebridge.case.log-entry-added.v1"));
        Call call = accepted.stream().filter(c -> c.body().contains(caseId) && c.body().contains("log-entry-added"))
                .findFirst().orElseThrow();
        byte[] signed = (call.timestamp() + "." + call.body()).getBytes(StandardCharsets.UTF_8);
        assertThat(call.signature()).isEqualTo("sha256="
                + new HmacUtils(HmacAlgorithms.HMAC_SHA_256, secret.getBytes(StandardCharsets.UTF_8)).hmacHex(signed));
        assertThat(json.readTree(call.body()).get("data").get("caseId").asString()).isEqualTo(caseId);
        var deliveries = api.get("/api/v1/sharing/webhooks/" + subscription + "/deliveries?status=DELIVERED", housingSystem)
                .getBody();
        assertThat(deliveries.findValues("attempts")).anyMatch(attempts -> attempts.asInt() > 1);

        int before = acceptedAbout(caseId).size();
        var replayed = api.post("/api/v1/sharing/webhooks/" + subscription + "/replay", housingSystem,
                "{\"fromPosition\":\"" + call.position() + "\"}");
        assertThat(replayed.getStatusCode().value()).isEqualTo(202);
        assertThat(replayed.getBody().get("queued").asInt()).isPositive();
        await().atMost(ARRIVES).until(() -> acceptedAbout(caseId).size() > before);
        assertThat(acceptedAbout(caseId).stream().map(e -> e.get("id").asString()))
                .contains(json.readTree(call.body()).get("id").asString());
        assertThat(api.get("/api/v1/sharing/webhooks/" + subscription + "/deliveries",
                TestTokens.token("police.crm", "CLEVELAND_POLICE", List.of(), List.of("INTEGRATION"))).getStatusCode().value())
                .isEqualTo(404);
    }
}
