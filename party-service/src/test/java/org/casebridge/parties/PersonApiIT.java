package org.casebridge.parties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.casebridge.contracts.Topics;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonApiIT {

    private static TopicProbe partyTopic;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JsonMapper json;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String raj = DemoUsers.RAJ_PATEL.token();
    private final String police = DemoUsers.PC_ADAMS.token();

    @BeforeAll
    static void probe() {
        partyTopic = new TopicProbe(Topics.PARTY);
    }

    @AfterAll
    static void close() throws InterruptedException {
        partyTopic.close();
    }

    private ResponseEntity<JsonNode> register(String token, String body, String idempotencyKey) {
        return ApiClient.onPort(port).post("/api/v1/parties/people", token, body, idempotencyKey);
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        return ApiClient.onPort(port).get(path, token);
    }

    @Test
    void aPractitionerRegistersAPersonAndThePartnershipHearsOfIt() {
        var created = register(jo, """
                {"givenName":"Dana","familyName":"Kowalski","dateOfBirth":"1980-02"}
                """, null);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = created.getBody();
        String id = body.get("id").asString();
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(body.get("dateOfBirth").asString()).isEqualTo("1980-02");
        assertThat(body.get("organisation").asString()).isEqualTo("STOCKTON_CST");
        assertThat(body.get("registeredBy").asString()).isEqualTo("jo.smith");
        assertThat(created.getHeaders().getLocation().toString()).endsWith("/api/v1/parties/people/" + id);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"1\"");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(partyTopic.about(id)).hasSize(1));
        var event = partyTopic.about(id).get(0);
        assertThat(TopicProbe.header(event, "ce_type")).isEqualTo("casebridge.party.person-registered.v1");
        assertThat(TopicProbe.header(event, "ce_source")).isEqualTo("/party-service");
        assertThat(event.key()).isEqualTo(id);
        assertThat(json.readTree(event.value()).get("familyName").asString()).isEqualTo("Kowalski");

        var read = get(raj, "/api/v1/parties/people/" + id);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(read.getBody().get("givenName").asString()).isEqualTo("Dana");
    }

    @Test
    void anotherOrganisationCannotKnowThePersonExists() {
        String id = register(jo, "{\"givenName\":\"Lee\",\"familyName\":\"Morgan\"}", null).getBody().get("id").asString();

        var hidden = get(police, "/api/v1/parties/people/" + id);
        assertThat(hidden.getStatusCode().value()).isEqualTo(404);
        assertThat(hidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // the same answer as for a person nobody registered
        assertThat(get(police, "/api/v1/parties/people/0123456789abcdef01234567").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyRegistersOnePerson() {
        String body = "{\"givenName\":\"Sam\",\"familyName\":\"Price\",\"dateOfBirth\":\"1994\"}";
        String first = register(jo, body, "mobile-retry-1").getBody().get("id").asString();
        var retry = register(jo, body, "mobile-retry-1");
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody().get("id").asString()).isEqualTo(first);
        assertThat(register(raj, body, "mobile-retry-1").getBody().get("id").asString()).isNotEqualTo(first);
    }

    @Test
    void aReplayIsTheCallersOwnForTheSameBodyCheckedAndAudited() throws InterruptedException {
        String body = "{\"givenName\":\"Replayed\",\"familyName\":\"Okafor\",\"dateOfBirth\":\"1971\"}";
        String key = "replay-" + java.util.UUID.randomUUID();
        String id = register(jo, body, key).getBody().get("id").asString();
        try (TopicProbe audit = new TopicProbe(org.casebridge.contracts.Topics.AUDIT)) {
            var replay = register(jo, body, key);
            assertThat(replay.getStatusCode().value()).isEqualTo(201);
            assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.getBody().get("id").asString()).isEqualTo(id);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(audit.about(id).stream().map(r -> json.readTree(r.value()))
                            .filter(r -> r.get("action").asString().equals("REPLAY")).map(r -> r.get("userId").asString()))
                            .containsExactly("jo.smith"));
        }

        var other = register(jo, "{\"givenName\":\"Someone\",\"familyName\":\"Else\"}", key);
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mongo.getCollection("people").countDocuments(new org.bson.Document("familyName", "Else"))).isZero();

        // the record is no longer her organisation's: the replay is a 404, like a read
        mongo.getCollection("people").updateOne(new org.bson.Document("_id", new org.bson.types.ObjectId(id)),
                new org.bson.Document("$set", new org.bson.Document("organisations", List.of("CLEVELAND_POLICE"))));
        var unseen = register(jo, body, key);
        assertThat(unseen.getStatusCode().value()).isEqualTo(404);
        assertThat(unseen.getBody().toString()).doesNotContain("Okafor");
    }

    @Test
    void analystsAndPartnerSystemsReadNoPeople() {
        String id = register(jo, "{\"givenName\":\"Counted\",\"familyName\":\"Never\"}", null).getBody().get("id").asString();
        for (String limited : List.of(DemoUsers.ANALYST_TEES.token(),
                TestTokens.token("stockton.asbdb", "STOCKTON_CST", List.of(), List.of("INTEGRATION")))) {
            for (String path : List.of("/api/v1/parties/people/" + id, "/api/v1/parties/people?name=Never",
                    "/api/v1/parties/duplicates", "/api/v1/parties/people/" + id + "/involvement")) {
                var refused = get(limited, path);
                assertThat(refused.getStatusCode().value()).as(path).isEqualTo(403);
                assertThat(refused.getBody().toString()).doesNotContain("Never");
            }
        }
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsStored() {
        long before = mongo.getCollection("people").countDocuments();

        var noGivenName = register(jo, "{\"familyName\":\"Kowalski\"}", null);
        assertThat(noGivenName.getStatusCode().value()).isEqualTo(400);
        assertThat(noGivenName.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(noGivenName.getBody().get("errors").get(0).get("field").asString()).isEqualTo("givenName");

        var ukDate = register(jo, "{\"givenName\":\"Dana\",\"familyName\":\"Kowalski\",\"dateOfBirth\":\"14/02/1980\"}", null);
        assertThat(ukDate.getStatusCode().value()).isEqualTo(400);
        assertThat(ukDate.getBody().get("errors").get(0).get("field").asString()).isEqualTo("dateOfBirth");

        // the right shape but no such day: the domain refuses it
        assertThat(register(jo, "{\"givenName\":\"Dana\",\"familyName\":\"Kowalski\",\"dateOfBirth\":\"1980-02-30\"}", null)
                .getStatusCode().value()).isEqualTo(422);
        assertThat(register(jo, "{\"givenName\":\"" + "D".repeat(101) + "\",\"familyName\":\"Kowalski\"}", null)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(register(jo, "{\"givenName\":{\"$gt\":\"\"},\"familyName\":\"Kowalski\"}", null)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(register(jo, "not json", null).getStatusCode().value()).isEqualTo(400);
        assertThat(get(jo, "/api/v1/parties/people/not-an-id").getStatusCode().value()).isEqualTo(400);
        assertThat(mongo.getCollection("people").countDocuments()).isEqualTo(before);

        var stored = register(jo, "{\"givenName\":\"$where\",\"familyName\":\"function() { return true }\"}", null);
        assertThat(stored.getBody().get("givenName").asString()).isEqualTo("$where");
    }

    @Test
    void readingAPersonIsAudited() throws InterruptedException {
        String id = register(jo, "{\"givenName\":\"Audit\",\"familyName\":\"Me\"}", null).getBody().get("id").asString();
        try (TopicProbe audit = new TopicProbe(Topics.AUDIT)) {
            ApiClient.onPort(port).get("/api/v1/parties/people/" + id, raj, "Checking the victim's details before a visit");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit.about(id).stream()
                    .map(r -> json.readTree(r.value()))
                    .filter(r -> r.get("action").asString().equals("READ"))).singleElement().satisfies(r -> {
                        assertThat(r.get("userId").asString()).isEqualTo("raj.patel");
                        assertThat(r.get("resourceType").asString()).isEqualTo("person");
                        assertThat(r.get("purpose").asString()).isEqualTo("Checking the victim's details before a visit");
                    }));
        }
    }
}
