package org.casebridge.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseApiIT {

    private static TopicProbe caseTopic;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;
    @Autowired
    JsonMapper json;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String raj = DemoUsers.RAJ_PATEL.token();
    private final String police = DemoUsers.PC_ADAMS.token();

    @BeforeAll
    static void probe() {
        caseTopic = new TopicProbe(Topics.CASE);
    }

    @AfterAll
    static void close() throws InterruptedException {
        caseTopic.close();
    }

    private RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    private ResponseEntity<JsonNode> open(String token, String body, String idempotencyKey) {
        return ApiClient.onPort(port).post("/api/v1/cases", token, body, idempotencyKey);
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        return ApiClient.onPort(port).get(path, token);
    }

    @Test
    void aPractitionerOpensACaseAndThePartnershipHearsOfIt() {
        var created = open(jo, """
                {"type":"ASB_PERSONAL","title":"Noise and threats at 12 Elm Road","leadOfficer":"raj.patel","team":"STOCKTON_ASB"}
                """, null);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = created.getBody();
        assertThat(body.get("reference").asString()).matches("ASB-\\d{4}-\\d{6}");
        assertThat(body.get("status").asString()).isEqualTo("OPEN");
        assertThat(body.get("ownerOrganisation").asString()).isEqualTo("STOCKTON_CST");
        assertThat(created.getHeaders().getLocation().toString()).endsWith("/api/v1/cases/" + body.get("id").asString());
        String id = body.get("id").asString();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(caseTopic.about(id)).hasSize(1));
        var event = caseTopic.about(id).get(0);
        assertThat(TopicProbe.header(event, "ce_type")).isEqualTo("casebridge.case.opened.v1");
        assertThat(json.readTree(event.value()).get("leadOfficer").asString()).isEqualTo("raj.patel");

        var read = get(raj, "/api/v1/cases/" + id);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getHeaders().getETag()).isEqualTo("\"1\"");
    }

    @Test
    void referencesAreSequentialAndNeverShared() {
        String first = open(jo, "{\"type\":\"HATE_INCIDENT\",\"title\":\"Graffiti\"}", null).getBody().get("reference").asString();
        String second = open(police, "{\"type\":\"HATE_INCIDENT\",\"title\":\"Abuse at bus stop\"}", null).getBody().get("reference").asString();
        long a = Long.parseLong(first.substring(first.lastIndexOf('-') + 1));
        long b = Long.parseLong(second.substring(second.lastIndexOf('-') + 1));
        assertThat(first).startsWith("HATE-");
        assertThat(b).isEqualTo(a + 1);
    }

    @Test
    void anotherOrganisationCannotKnowTheCaseExistsUntilItIsShared() {
        String id = open(jo, "{\"type\":\"ASB_NUISANCE\",\"title\":\"Youths gathering at the precinct\"}", null)
                .getBody().get("id").asString();

        var hidden = get(police, "/api/v1/cases/" + id);
        assertThat(hidden.getStatusCode().value()).isEqualTo(404);
        assertThat(hidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get(police, "/api/v1/cases?limit=100").getBody().get("items").findValuesAsString("id")).doesNotContain(id);

        shareWithPolice(id);

        await().atMost(Duration.ofSeconds(20)).until(() -> get(police, "/api/v1/cases/" + id).getStatusCode().value() == 200);
        assertThat(get(police, "/api/v1/cases?limit=100").getBody().get("items").findValuesAsString("id")).contains(id);
    }

    @Test
    void listsArePagedWithACursorAndShowOnlyVisibleCases() {
        String tok = DemoUsers.NINA_FORD.token();
        for (int i = 0; i < 5; i++) {
            open(tok, "{\"type\":\"VULNERABLE_ADULT\",\"title\":\"Welfare concern " + i + "\"}", null);
        }
        var page1 = get(tok, "/api/v1/cases?limit=2").getBody();
        assertThat(page1.get("items")).hasSize(2);
        assertThat(page1.get("total").asLong()).isEqualTo(5);
        assertThat(page1.get("items").get(0).get("title").asString()).isEqualTo("Welfare concern 4");
        var page2 = get(tok, "/api/v1/cases?limit=2&after=" + page1.get("nextCursor").asString()).getBody();
        assertThat(page2.get("items").get(0).get("title").asString()).isEqualTo("Welfare concern 2");
        var page3 = get(tok, "/api/v1/cases?limit=2&after=" + page2.get("nextCursor").asString()).getBody();
        assertThat(page3.get("items")).hasSize(1);
        assertThat(page3.get("nextCursor").isNull()).isTrue();
        // a page that ends exactly with the last case offers no next page
        assertThat(get(tok, "/api/v1/cases?limit=5").getBody().get("nextCursor").isNull()).isTrue();
        // a caller that shows no count asks for none: the same page, without a total
        var uncounted = get(tok, "/api/v1/cases?limit=2&total=false").getBody();
        assertThat(uncounted.has("total")).isFalse();
        assertThat(uncounted.get("items").findValuesAsString("id")).isEqualTo(page1.get("items").findValuesAsString("id"));
        assertThat(uncounted.get("nextCursor").asString()).isEqualTo(page1.get("nextCursor").asString());
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyCreatesOneCase() {
        String body = "{\"type\":\"FIRE_SETTING\",\"title\":\"Bins set alight on Oak Street\"}";
        var first = open(jo, body, "mobile-retry-1");
        var retry = open(jo, body, "mobile-retry-1");
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody().get("id").asString()).isEqualTo(first.getBody().get("id").asString());
        assertThat(open(jo, body, "mobile-retry-2").getBody().get("id").asString())
                .isNotEqualTo(first.getBody().get("id").asString());
    }

    @Test
    void aReplayIsTheCallersOwnForTheSameBodyCheckedAndAudited() throws InterruptedException {
        String body = "{\"type\":\"FIRE_SETTING\",\"title\":\"Replayed: bins alight on Elm Street\"}";
        String key = "replay-" + java.util.UUID.randomUUID();
        String id = open(jo, body, key).getBody().get("id").asString();
        try (TopicProbe audit = new TopicProbe(Topics.AUDIT)) {
            var replay = open(jo, body, key);
            assertThat(replay.getStatusCode().value()).isEqualTo(201);
            assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.getBody().get("id").asString()).isEqualTo(id);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit.about(id).stream()
                    .map(r -> json.readTree(r.value())).filter(r -> r.get("action").asString().equals("REPLAY")))
                    .singleElement().satisfies(r -> {
                        assertThat(r.get("userId").asString()).isEqualTo("jo.smith");
                        assertThat(r.get("grantedBy").asString()).isEqualTo("org:STOCKTON_CST");
                    }));
        }

        // another body under the same key: refused, nothing opened
        var other = open(jo, "{\"type\":\"FIRE_SETTING\",\"title\":\"Replayed: a different fire\"}", key);
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mongo.getCollection("cases").countDocuments(new org.bson.Document("title", "Replayed: a different fire")))
                .isZero();

        // a colleague's same key is their own: no replay of Jo's case
        var rajs = open(raj, body, key);
        assertThat(rajs.getStatusCode().value()).isEqualTo(201);
        assertThat(rajs.getBody().get("id").asString()).isNotEqualTo(id);

        // once Jo may no longer see the case, a replay tells her no more than a read would
        mongo.getCollection("cases").updateOne(new org.bson.Document("_id", new org.bson.types.ObjectId(id)),
                new org.bson.Document("$set", new org.bson.Document("access.view", List.of("org:CLEVELAND_POLICE"))));
        assertThat(get(jo, "/api/v1/cases/" + id).getStatusCode().value()).isEqualTo(404);
        var unseen = open(jo, body, key);
        assertThat(unseen.getStatusCode().value()).isEqualTo(404);
        assertThat(unseen.getBody().toString()).doesNotContain("Elm Street");
    }

    @Test
    void anAnalystGetsCountsButNoCaseAndAPartnerSystemNoCaseEither() {
        String id = open(jo, "{\"type\":\"OTHER\",\"title\":\"Not for analysts\"}", null).getBody().get("id").asString();
        String analyst = DemoUsers.ANALYST_TEES.token();
        String system = TestTokens.token("stockton.asbdb", "STOCKTON_CST", List.of(), List.of("INTEGRATION"));
        for (String limited : List.of(analyst, system)) {
            for (String path : List.of("/api/v1/cases/" + id, "/api/v1/cases", "/api/v1/cases?q=analysts",
                    "/api/v1/cases/" + id + "/log", "/api/v1/cases/" + id + "/details", "/api/v1/cases/transfers/incoming")) {
                var refused = get(limited, path);
                assertThat(refused.getStatusCode().value()).as(path).isEqualTo(403);
                assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(refused.getBody().toString()).doesNotContain("Not for analysts");
            }
            assertThat(open(limited, "{\"type\":\"OTHER\",\"title\":\"Opened by a limited account\"}", null)
                    .getStatusCode().value()).isEqualTo(403);
        }
        Instant from = Instant.now().minus(Duration.ofDays(1));
        assertThat(get(analyst, "/api/v1/cases/reports/counts?from=" + from + "&to=" + Instant.now().plus(Duration.ofDays(1)))
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsStored() {
        long before = mongo.getCollection("cases").countDocuments();
        assertThat(open(jo, "{\"type\":\"NOT_A_TYPE\",\"title\":\"x\"}", null).getStatusCode().value()).isEqualTo(400);
        assertThat(open(jo, "{\"type\":\"OTHER\"}", null).getBody().get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(open(jo, "{\"type\":\"OTHER\",\"title\":{\"$gt\":\"\"}}", null).getStatusCode().value()).isEqualTo(400);
        assertThat(open(jo, "{\"type\":\"OTHER\",\"title\":\"x\",\"team\":\"CP_STOCKTON_NPT\"}", null).getStatusCode().value())
                .isEqualTo(422);
        assertThat(open(jo, "{\"type\":\"OTHER\",\"title\":\"" + "y".repeat(300) + "\"}", null).getStatusCode().value())
                .isEqualTo(400);
        assertThat(get(jo, "/api/v1/cases/not-an-id").getStatusCode().value()).isEqualTo(400);
        assertThat(get(jo, "/api/v1/cases?limit=1000").getStatusCode().value()).isEqualTo(400);
        assertThat(mongo.getCollection("cases").countDocuments()).isEqualTo(before);

        var stored = open(jo, "{\"type\":\"OTHER\",\"title\":\"$where: function() { return true }\"}", null);
        assertThat(stored.getBody().get("title").asString()).isEqualTo("$where: function() { return true }");
    }

    @Test
    void readingACaseIsAudited() {
        String id = open(jo, "{\"type\":\"OTHER\",\"title\":\"Audit me\"}", null).getBody().get("id").asString();
        try (TopicProbe audit = new TopicProbe(Topics.AUDIT)) {
            client().get().uri("/api/v1/cases/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + raj)
                    .header("X-Purpose", "Preparing for the JAG meeting").retrieve().toBodilessEntity();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit.about(id).stream()
                    .map(r -> json.readTree(r.value()))
                    .filter(r -> r.get("action").asString().equals("READ"))).singleElement().satisfies(r -> {
                        assertThat(r.get("userId").asString()).isEqualTo("raj.patel");
                        assertThat(r.get("grantedBy").asString()).isEqualTo("org:STOCKTON_CST");
                        assertThat(r.get("purpose").asString()).isEqualTo("Preparing for the JAG meeting");
                    }));

            get(raj, "/api/v1/cases?q=audit me");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit.about(id).stream()
                    .map(r -> json.readTree(r.value()))
                    .filter(r -> r.get("action").asString().equals("LIST"))
                    .map(r -> r.get("userId").asString())).containsExactly("raj.patel"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What sharing-service would publish after Stockton shares the case with Cleveland Police. */
    private void shareWithPolice(String caseId) {
        var decision = new CaseAccessChanged(caseId, "ASB_NUISANCE", "STOCKTON_CST", false, List.of(
                new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null),
                new Grant(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", AccessLevel.VIEW, null)), Instant.now());
        store.append(events.of(caseId, 2L, decision));
    }
}
