package org.casebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.casebridge.contracts.Topics;
import org.casebridge.platform.sample.SampleApplication;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * The platform's idempotent creates, through the sample service: a replay is the caller's own, for the same request,
 * checked against what they may see now, audited, and forgotten after a day.
 */
@RealInfrastructure
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotentCreatesIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String raj = DemoUsers.RAJ_PATEL.token();

    private ResponseEntity<JsonNode> open(String token, String title, String key) {
        return ApiClient.onPort(port).post("/api/v1/samples", token, "{\"title\":\"" + title + "\"}", key);
    }

    private static String id(ResponseEntity<JsonNode> response) {
        return response.getBody().get("id").asString();
    }

    private static String key() {
        return "retry-" + UUID.randomUUID();
    }

    private long samplesTitled(String title) {
        return mongo.getCollection("samples").countDocuments(new Document("title", title));
    }

    @Test
    void aReplayOfTheSameRequestAnswersTheFirstRecordAndIsAudited() throws Exception {
        String key = key();
        try (TopicProbe audit = new TopicProbe(Topics.AUDIT)) {
            var first = open(jo, "Bins set alight", key);
            var replay = open(jo, "Bins set alight", key);

            assertThat(first.getStatusCode().value()).isEqualTo(201);
            assertThat(first.getHeaders().getFirst(org.casebridge.platform.web.IdempotentCreates.REPLAYED_HEADER)).isNull();
            assertThat(replay.getStatusCode().value()).isEqualTo(201);
            assertThat(id(replay)).isEqualTo(id(first));
            assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
            assertThat(samplesTitled("Bins set alight")).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit.about(id(first)).stream()
                    .map(r -> new String(r.value(), StandardCharsets.UTF_8)))
                    .anySatisfy(json -> assertThat(json).contains("\"action\":\"REPLAY\"").contains("\"userId\":\"jo.smith\"")
                            .contains("\"grantedBy\":\"owner\"")));
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
        String key = key();
        open(jo, "Graffiti on the bus shelter", key);

        var other = open(jo, "Graffiti on the school wall", key);

        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(other.getBody().get("detail").asString()).contains("different request");
        assertThat(samplesTitled("Graffiti on the school wall")).isZero();
    }

    @Test
    void anotherUsersSameKeyIsAnotherKey() {
        String key = key();
        var jos = open(jo, "Noise from number 12", key);

        var rajs = open(raj, "Noise from number 12", key);

        assertThat(rajs.getStatusCode().value()).isEqualTo(201);
        assertThat(id(rajs)).isNotEqualTo(id(jos));
        assertThat(rajs.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(samplesTitled("Noise from number 12")).isEqualTo(2);
    }

    @Test
    void aReplayOfARecordTheCallerCanNoLongerSeeIs404() {
        String key = key();
        var first = open(jo, "Moved to another owner", key);
        mongo.getCollection("samples").updateOne(new Document("_id", id(first)),
                new Document("$set", new Document("owner", "CLEVELAND_POLICE")));

        var replay = open(jo, "Moved to another owner", key);

        assertThat(replay.getStatusCode().value()).isEqualTo(404);
        assertThat(replay.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(replay.getBody().toString()).doesNotContain("Moved to another owner");
    }

    @Test
    void aKeyIsForgottenAfterADay() {
        String key = key();
        var first = open(jo, "Yesterday's report", key);
        // as if the request had been made 25 hours ago (the test server does not expire TTL indexes)
        Date dayAgo = Date.from(Instant.now().minus(Duration.ofHours(25)));
        mongo.getCollection("idempotent_creates").updateOne(new Document("key", key).append("user", "jo.smith"),
                new Document("$set", new Document("createdAt", dayAgo).append("expiresAt", dayAgo)));

        var later = open(jo, "Yesterday's report", key);

        assertThat(later.getStatusCode().value()).isEqualTo(201);
        assertThat(id(later)).isNotEqualTo(id(first));
        assertThat(later.getHeaders().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void theKeyExpiresThroughATtlIndex() {
        assertThat(mongo.indexOps("idempotent_creates").getIndexInfo())
                .anySatisfy(index -> assertThat(index.getIndexFields().get(0).getKey()).isEqualTo("expiresAt"));
    }

    @Test
    void aReplayWhileTheFirstRequestIsStillCreatingIs409AndOneWhoseFirstRequestDiedFinishesIt() {
        String key = key();
        var first = open(jo, "Abandoned half-way", key);
        String reserved = id(first);
        // as if the first request had reserved the key and died before creating: no record, reservation unfinished
        mongo.getCollection("samples").deleteOne(new Document("_id", reserved));
        mongo.getCollection("idempotent_creates").updateOne(new Document("key", key).append("user", "jo.smith"),
                new Document("$set", new Document("completed", false).append("createdAt", new Date())));

        var whileCreating = open(jo, "Abandoned half-way", key);
        assertThat(whileCreating.getStatusCode().value()).isEqualTo(409);
        assertThat(samplesTitled("Abandoned half-way")).isZero();

        mongo.getCollection("idempotent_creates").updateOne(new Document("key", key).append("user", "jo.smith"),
                new Document("$set", new Document("createdAt", Date.from(Instant.now().minusSeconds(60)))));
        var afterItDied = open(jo, "Abandoned half-way", key);
        assertThat(afterItDied.getStatusCode().value()).isEqualTo(201);
        assertThat(id(afterItDied)).isEqualTo(reserved);
        assertThat(open(jo, "Abandoned half-way", key).getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(samplesTitled("Abandoned half-way")).isEqualTo(1);
    }

    @Test
    void aRefusedRequestLeavesTheKeyFree() {
        String key = key();
        var refused = open(jo, "", key);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);

        var corrected = open(jo, "Corrected report", key);

        assertThat(corrected.getStatusCode().value()).isEqualTo(201);
    }
}
