package org.casebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.casebridge.contracts.Topics;
import org.casebridge.platform.sample.SampleApplication;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The starter as a service uses it, on a real broker and MongoDB-wire server. */
@RealInfrastructure
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformIT {

    private static TopicProbe caseTopic;
    private static TopicProbe deadLetters;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, byte[]> deadLetterKafkaTemplate;
    @Autowired
    org.casebridge.platform.sample.SampleListener listener;
    @Autowired
    JsonMapper json;

    private final String token = DemoUsers.JO_SMITH.token();

    @BeforeAll
    static void probes() {
        caseTopic = new TopicProbe(Topics.CASE);
        deadLetters = new TopicProbe(Topics.deadLetter(Topics.CASE));
    }

    @AfterAll
    static void closeProbes() throws InterruptedException {
        caseTopic.close();
        deadLetters.close();
    }

    private RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    private org.springframework.http.ResponseEntity<JsonNode> post(String body, String bearer) {
        var request = client().post().uri("/api/v1/samples").contentType(MediaType.APPLICATION_JSON).body(body);
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    @Test
    void aCommandStoresItsEventWithItAndTheRelayPublishesItAsABinaryCloudEvent() {
        var created = post("{\"title\":\"Noise at Elm Road\"}", token);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"1\"");
        String id = created.getBody().get("id").asString();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(caseTopic.about(id)).hasSize(1));
        var record = caseTopic.about(id).get(0);
        assertThat(record.key()).isEqualTo(id);
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("casebridge.case.opened.v1");
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/sample-service");
        assertThat(TopicProbe.header(record, "ce_sequence")).isEqualTo("1");
        assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(json.readTree(record.value()).get("title").asString()).isEqualTo("Noise at Elm Road");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(id, Document.class, "samples").getList("outbox", Document.class)).isEmpty());
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String id = post("{\"title\":\"Graffiti on the underpass\"}", token).getBody().get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.applied().contains(id + "@1"));

        var original = caseTopic.about(id).get(0);
        ProducerRecord<String, byte[]> again = new ProducerRecord<>(Topics.CASE, null, original.key(), original.value(),
                original.headers());
        deadLetterKafkaTemplate.send(again);
        String marker = post("{\"title\":\"Marker after the redelivery\"}", token).getBody().get("id").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> listener.applied().contains(marker + "@1"));
        assertThat(listener.applied()).containsOnlyOnce(id + "@1");
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAfterBoundedRetries() {
        String id = post("{\"title\":\"poison\"}", token).getBody().get("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters.about(id)).hasSize(1));
        var dead = deadLetters.about(id).get(0);
        assertThat(TopicProbe.header(dead, "ce_type")).isEqualTo("casebridge.case.opened.v1");
        assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message")).contains("poison");
        String next = post("{\"title\":\"Life goes on after the poison\"}", token).getBody().get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.applied().contains(next + "@1"));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        long before = mongo.getCollection("samples").countDocuments();

        assertProblem(post("{\"title\": \"unterminated", token), 400, "Malformed request");
        assertProblem(post("{\"title\": {\"$gt\": \"\"}}", token), 400, "Malformed request");
        assertProblem(post("{\"title\": [\"a\", \"b\"]}", token), 400, "Malformed request");
        var missing = post("{}", token);
        assertProblem(missing, 400, "Invalid request");
        assertThat(missing.getBody().get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertProblem(post("[1,2,3]", token), 400, "Malformed request");
        assertProblem(post("{\"title\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}", token), 413, "Request body too large");

        assertThat(mongo.getCollection("samples").countDocuments()).isEqualTo(before);
    }

    @Test
    void aMissingForgedOrExpiredTokenIs401() {
        assertProblem(post("{\"title\":\"x\"}", null), 401, "Authentication required");
        assertProblem(post("{\"title\":\"x\"}", TestTokens.forged("jo.smith", "STOCKTON_CST")), 401, "Authentication required");
        assertProblem(post("{\"title\":\"x\"}", TestTokens.expired("jo.smith", "STOCKTON_CST")), 401, "Authentication required");
    }

    @Test
    void concurrentUpdatesAreDetectedWithIfMatch() {
        String id = post("{\"title\":\"First\"}", token).getBody().get("id").asString();
        var renamed = client().put().uri("/api/v1/samples/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\":\"Second\"}").retrieve().toEntity(JsonNode.class);
        assertThat(renamed.getHeaders().getETag()).isEqualTo("\"2\"");

        var stale = client().put().uri("/api/v1/samples/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\":\"Lost update\"}").retrieve().toEntity(JsonNode.class);
        assertProblem(stale, 412, "Precondition failed");
        var blind = client().put().uri("/api/v1/samples/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body("{\"title\":\"Blind\"}").retrieve().toEntity(JsonNode.class);
        assertProblem(blind, 428, "Precondition required");

        var current = client().get().uri("/api/v1/samples/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve().toEntity(JsonNode.class);
        assertThat(current.getBody().get("title").asString()).isEqualTo("Second");
        assertProblem(client().get().uri("/api/v1/samples/nope").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve().toEntity(JsonNode.class), 404, "Not found");
    }

    @Test
    void operatorsSeeReadinessIncludingMongoAndKafkaAndPrometheusMetrics() {
        var readiness = client().get().uri("/actuator/health/readiness").retrieve().toEntity(JsonNode.class);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody().get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(readiness.getBody().get("components").get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(client().get().uri("/actuator/health/liveness").retrieve().toEntity(String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(client().get().uri("/actuator/prometheus").retrieve().body(String.class)).contains("jvm_memory_used_bytes");
        assertThat(client().get().uri("/v3/api-docs").retrieve().body(String.class)).contains("/api/v1/samples");
    }

    @Test
    void everyResponseCarriesARequestId() {
        var response = client().get().uri("/actuator/health").header("X-Request-Id", "req-from-gateway-1")
                .retrieve().toEntity(String.class);
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isEqualTo("req-from-gateway-1");
        assertThat(post("{}", token).getHeaders().getFirst("X-Request-Id")).isNotBlank();
    }

    private static void assertProblem(org.springframework.http.ResponseEntity<JsonNode> response, int status, String title) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        if (title != null) {
            assertThat(response.getBody().get("title").asString()).isEqualTo(title);
        }
        assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
