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
import org.casebridge.platform.test.DemoUsers;
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
        "casebridge.webhooks.send-every=PT0.2S", "casebridge.webhooks.allowed-hosts=127.0.0.1"})
class WebhookIT {

    private static final Duration ARRIVES = Duration.ofSeconds(30);

    private record Call(String signature, String timestamp, String position, String body) {
    }

    private static HttpServer partner;
    private static final List<Call> accepted = new CopyOnWriteArrayList<>();
    private static final List<String> reached = new CopyOnWriteArrayList<>();
    private static final AtomicInteger failuresLeft = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;
    @Autowired
    JsonMapper json;

    @Autowired
    org.casebridge.sharing.webhooks.store.MongoWebhooks webhooks;
    @Autowired
    org.casebridge.sharing.webhooks.store.WebhookSecrets secrets;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    /** A fresh key each run: no webhook key, not even a test one, is in git. */
    @org.springframework.test.context.DynamicPropertySource
    static void secretKey(org.springframework.test.context.DynamicPropertyRegistry registry) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        registry.add("casebridge.webhooks.secret-key", () -> java.util.Base64.getEncoder().encodeToString(key));
    }

    @BeforeAll
    static void startPartnerSystem() throws IOException {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/casebridge-hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            reached.add(new String(body, StandardCharsets.UTF_8));
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
        String jo = DemoUsers.JO_SMITH.token();
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
                DemoUsers.TOM_REID.token()).getBody().get("allowed").asBoolean());
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

    @Test
    void addressesInsideTheNetworkAreRefusedAfterResolvingTheName() {
        String middlesbroughSystem = TestTokens.token("mbro.crm", "MIDDLESBROUGH_CST", List.of(), List.of("INTEGRATION"));
        var api = ApiClient.onPort(port);
        for (String url : List.of("http://localhost:" + partner.getAddress().getPort() + "/casebridge-hook",
                "http://10.1.2.3/x", "http://172.16.5.4/x", "http://192.168.0.10/x", "http://169.254.169.254/latest/meta-data/",
                "http://100.100.100.200/x", "http://0.0.0.0/x", "http://224.0.0.251/x", "http://[::1]/x",
                "http://[fd00:ec2::254]/x", "http://[fe80::1]/x", "http://[::ffff:127.0.0.1]/x")) {
            var refused = api.post("/api/v1/sharing/webhooks", middlesbroughSystem, "{\"url\":\"" + url + "\"}");
            assertThat(refused.getStatusCode().value()).as(url).isEqualTo(422);
        }
        assertThat(api.get("/api/v1/sharing/webhooks", middlesbroughSystem).getBody()).isEmpty();
    }

    @Test
    void eachCallResolvesAgainAndThePartnerReadsNoConnectionDetail() throws IOException {
        String redcarSystem = TestTokens.token("redcar.crm", "REDCAR_CLEVELAND_CST", List.of(), List.of("INTEGRATION"));
        var api = ApiClient.onPort(port);
        int nothingListens;
        try (var socket = new java.net.ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        // as if a name checked at registration now resolves to this machine (DNS rebinding)
        String rebound = subscriptionFor("REDCAR_CLEVELAND_CST", "http://localhost:" + partner.getAddress().getPort()
                + "/casebridge-hook");
        String down = subscriptionFor("REDCAR_CLEVELAND_CST", "http://127.0.0.1:" + nothingListens + "/x");
        String marker = "rebound-" + new ObjectId().toHexString();
        webhooks.enqueue(new ObjectId().toHexString(), rebound, marker, "casebridge.case.opened.v1", "0-1",
                "{\"id\":\"" + marker + "\",\"subject\":\"-\"}", Instant.now());
        webhooks.enqueue(new ObjectId().toHexString(), down, "down-" + marker, "casebridge.case.opened.v1", "0-2",
                "{\"id\":\"down-" + marker + "\",\"subject\":\"-\"}", Instant.now());

        await().atMost(ARRIVES).untilAsserted(() -> {
            JsonNode refused = api.get("/api/v1/sharing/webhooks/" + rebound + "/deliveries", redcarSystem).getBody().get(0);
            assertThat(refused.get("attempts").asInt()).isPositive();
            assertThat(refused.get("lastError").asString())
                    .isEqualTo("not sent: the endpoint's address is not a public internet address");
            JsonNode unanswered = api.get("/api/v1/sharing/webhooks/" + down + "/deliveries", redcarSystem).getBody().get(0);
            assertThat(unanswered.get("attempts").asInt()).isPositive();
            assertThat(unanswered.get("lastError").asString())
                    .isEqualTo("no answer: the endpoint could not be reached or did not answer in time");
            assertThat(unanswered.toString()).doesNotContainIgnoringCase("refused").doesNotContain("127.0.0.1")
                    .doesNotContain("Exception");
        });
        assertThat(reached).noneMatch(body -> body.contains(marker));
    }

    @Test
    void theSecretIsKeptEncryptedAndAPartnerCanRotateIt() {
        String probationSystem = TestTokens.token("nps.crm", "NPS_NORTH_EAST", List.of(), List.of("INTEGRATION"));
        var api = ApiClient.onPort(port);
        var subscribed = api.post("/api/v1/sharing/webhooks", probationSystem,
                "{\"url\":\"http://127.0.0.1:" + partner.getAddress().getPort() + "/casebridge-hook\"}");
        String id = subscribed.getBody().get("id").asString();
        String first = subscribed.getBody().get("secret").asString();
        String stored = mongo.findById(id, org.bson.Document.class, "webhook_subscriptions").getString("secret");
        assertThat(stored).startsWith("aesgcm:").doesNotContain(first);

        assertThat(api.post("/api/v1/sharing/webhooks/" + id + "/secret",
                TestTokens.token("police.crm", "CLEVELAND_POLICE", List.of(), List.of("INTEGRATION")), "{}")
                .getStatusCode().value()).isEqualTo(404);
        var rotated = api.post("/api/v1/sharing/webhooks/" + id + "/secret", probationSystem, "{}");
        assertThat(rotated.getStatusCode().value()).isEqualTo(200);
        String second = rotated.getBody().get("secret").asString();
        assertThat(second).hasSize(64).isNotEqualTo(first);
        assertThat(mongo.findById(id, org.bson.Document.class, "webhook_subscriptions").getString("secret"))
                .startsWith("aesgcm:").isNotEqualTo(stored).doesNotContain(second);
        assertThat(api.get("/api/v1/sharing/webhooks", probationSystem).getBody().get(0).get("secret").isNull()).isTrue();

        // calls from now on are signed with the new secret only
        String marker = "rotated-" + new ObjectId().toHexString();
        webhooks.enqueue(new ObjectId().toHexString(), id, marker, "casebridge.case.opened.v1", "0-3",
                "{\"id\":\"" + marker + "\",\"subject\":\"-\"}", Instant.now());
        await().atMost(ARRIVES).until(() -> accepted.stream().anyMatch(c -> c.body().contains(marker)));
        Call call = accepted.stream().filter(c -> c.body().contains(marker)).findFirst().orElseThrow();
        byte[] signed = (call.timestamp() + "." + call.body()).getBytes(StandardCharsets.UTF_8);
        assertThat(call.signature()).isEqualTo("sha256="
                + new HmacUtils(HmacAlgorithms.HMAC_SHA_256, second.getBytes(StandardCharsets.UTF_8)).hmacHex(signed));
    }

    private String subscriptionFor(String organisation, String url) {
        String id = new ObjectId().toHexString();
        webhooks.subscribe(new org.casebridge.sharing.webhooks.store.MongoWebhooks.Subscription(id, organisation, url,
                secrets.seal(id, "0".repeat(64)), true, "test", Instant.now()));
        return id;
    }
}
