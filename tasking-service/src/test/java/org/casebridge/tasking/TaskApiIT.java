package org.casebridge.tasking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
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
import org.casebridge.platform.access.CaseAccessProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskApiIT {

    private static final Duration ACCESS_ARRIVES = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;
    @Autowired
    CaseAccessProjection caseAccess;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String raj = DemoUsers.RAJ_PATEL.token();
    private final String police = DemoUsers.PC_ADAMS.token();
    private final String crisis = DemoUsers.NINA_FORD.token();

    private ResponseEntity<JsonNode> setTask(String token, String body, String idempotencyKey) {
        return ApiClient.onPort(port).post("/api/v1/tasks", token, body, idempotencyKey);
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        return ApiClient.onPort(port).get(path, token);
    }

    /** A task set to a Stockton user, or to the creator when {@code assignee} is null. */
    private static String task(String caseId, String title, String assignee) {
        return "{\"caseId\":\"" + caseId + "\",\"title\":\"" + title + "\""
                + (assignee == null ? "" : ",\"assignee\":{\"kind\":\"USER\",\"id\":\"" + assignee
                        + "\",\"organisation\":\"STOCKTON_CST\"}") + "}";
    }

    @Test
    void aPractitionerSetsATaskOnACaseTheirOrganisationOwns() {
        String caseId = new ObjectId().toHexString();
        decide(caseId, new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null),
                new Grant(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", AccessLevel.VIEW, null));
        String body = task(caseId, "Visit the complainant at 12 Elm Road", "raj.patel");

        // tasking hears of the case's access only through the access topic
        var created = await().atMost(ACCESS_ARRIVES).pollInterval(Duration.ofMillis(250))
                .until(() -> setTask(jo, body, null), response -> response.getStatusCode().value() == 201);

        JsonNode task = created.getBody();
        String id = task.get("id").asString();
        assertThat(task.get("status").asString()).isEqualTo("NEW");
        assertThat(task.get("caseId").asString()).isEqualTo(caseId);
        assertThat(task.get("assignee").get("id").asString()).isEqualTo("raj.patel");
        assertThat(task.get("createdBy").asString()).isEqualTo("jo.smith");
        assertThat(created.getHeaders().getLocation().toString()).endsWith("/api/v1/tasks/" + id);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"1\"");

        assertThat(get(raj, "/api/v1/tasks/mine").getBody().get("items").findValuesAsString("id")).contains(id);
        assertThat(get(jo, "/api/v1/tasks/mine?limit=100").getBody().get("items").findValuesAsString("id")).doesNotContain(id);
        assertThat(get(jo, "/api/v1/tasks/" + id).getStatusCode().value()).isEqualTo(200);
        assertThat(get(police, "/api/v1/tasks/" + id).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anotherOrganisationCannotKnowTheCaseExistsAndAViewerCannotTaskOnIt() {
        String caseId = new ObjectId().toHexString();
        decideAndWait(caseId, new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null),
                new Grant(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", AccessLevel.VIEW, null));
        String body = task(caseId, "Check CCTV at the precinct", null);

        var hidden = setTask(crisis, body, null);
        assertThat(hidden.getStatusCode().value()).isEqualTo(404);
        assertThat(hidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // the same answer as for a case nobody ever decided on
        assertThat(setTask(crisis, task(new ObjectId().toHexString(), "Check CCTV", null), null).getStatusCode().value())
                .isEqualTo(404);

        assertThat(setTask(police, body, null).getStatusCode().value()).isEqualTo(403);

        String id = setTask(jo, body, null).getBody().get("id").asString();
        assertThat(get(crisis, "/api/v1/tasks/" + id).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aTeamGrantedContributeMaySetTasks() {
        String caseId = new ObjectId().toHexString();
        decideAndWait(caseId, new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null),
                new Grant(PrincipalKind.TEAM, "CP_STOCKTON_NPT", AccessLevel.CONTRIBUTE, null));

        var created = setTask(police, task(caseId, "Patrol Elm Road on Friday evening", "jo.smith"), null);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("createdByOrganisation").asString()).isEqualTo("CLEVELAND_POLICE");
    }

    @Test
    void myTasksAreNewestFirstAndPaged() {
        String caseId = new ObjectId().toHexString();
        decideAndWait(caseId, new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null));
        String me = TestTokens.practitioner("amy.lowe", "STOCKTON_CST", "STOCKTON_ASB");
        for (int i = 0; i < 3; i++) {
            assertThat(setTask(jo, task(caseId, "Follow-up call " + i, "amy.lowe"), null).getStatusCode().value()).isEqualTo(201);
        }

        var page1 = get(me, "/api/v1/tasks/mine?limit=2").getBody();
        assertThat(page1.get("items")).hasSize(2);
        assertThat(page1.get("items").get(0).get("title").asString()).isEqualTo("Follow-up call 2");
        var page2 = get(me, "/api/v1/tasks/mine?limit=2&after=" + page1.get("nextCursor").asString()).getBody();
        assertThat(page2.get("items")).hasSize(1);
        assertThat(page2.get("items").get(0).get("title").asString()).isEqualTo("Follow-up call 0");
        assertThat(page2.get("nextCursor").isNull()).isTrue();
        assertThat(get(me, "/api/v1/tasks/mine").getBody().get("items")).hasSize(3);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeySetsOneTask() {
        String caseId = new ObjectId().toHexString();
        decideAndWait(caseId, new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null));
        String body = task(caseId, "Letter to the tenant", null);
        String first = setTask(jo, body, "mobile-retry-1").getBody().get("id").asString();
        var retry = setTask(jo, body, "mobile-retry-1");
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody().get("id").asString()).isEqualTo(first);
        assertThat(setTask(jo, body, "mobile-retry-2").getBody().get("id").asString()).isNotEqualTo(first);
    }

    @Test
    void aReplayIsTheCallersOwnForTheSameBodyAndAudited() throws InterruptedException {
        String caseId = new ObjectId().toHexString();
        decideAndWait(caseId, new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null));
        String body = task(caseId, "Replayed: visit the tenant", null);
        String key = "replay-" + java.util.UUID.randomUUID();
        String id = setTask(jo, body, key).getBody().get("id").asString();
        try (org.casebridge.platform.test.TopicProbe audit = new org.casebridge.platform.test.TopicProbe(
                org.casebridge.contracts.Topics.AUDIT)) {
            var replay = setTask(jo, body, key);
            assertThat(replay.getStatusCode().value()).isEqualTo(201);
            assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.getBody().get("id").asString()).isEqualTo(id);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(audit.about(id).stream().map(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)))
                            .anySatisfy(r -> assertThat(r).contains("\"action\":\"REPLAY\"").contains("\"userId\":\"jo.smith\"")));
        }

        var other = setTask(jo, task(caseId, "Replayed: another task", null), key);
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(mongo.getCollection("tasks").countDocuments(new org.bson.Document("title", "Replayed: another task")))
                .isZero();
        var rajs = setTask(raj, body, key);
        assertThat(rajs.getStatusCode().value()).isEqualTo(201);
        assertThat(rajs.getBody().get("id").asString()).isNotEqualTo(id);
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsStored() {
        String caseId = new ObjectId().toHexString();
        decideAndWait(caseId, new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null));
        long before = mongo.getCollection("tasks").countDocuments();

        var noTitle = setTask(jo, "{\"caseId\":\"" + caseId + "\"}", null);
        assertThat(noTitle.getStatusCode().value()).isEqualTo(400);
        assertThat(noTitle.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(noTitle.getBody().get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(setTask(jo, task("not-a-case", "x", null), null).getStatusCode().value()).isEqualTo(400);
        assertThat(setTask(jo, task(caseId, "x", "raj patel; drop"), null).getStatusCode().value()).isEqualTo(400);
        assertThat(setTask(jo, task(caseId, "y".repeat(201), null), null).getStatusCode().value()).isEqualTo(400);
        assertThat(setTask(jo, "{\"caseId\":{\"$gt\":\"\"},\"title\":\"x\"}", null).getStatusCode().value()).isEqualTo(400);
        assertThat(get(jo, "/api/v1/tasks/not-an-id").getStatusCode().value()).isEqualTo(400);
        assertThat(get(jo, "/api/v1/tasks/mine?limit=0").getStatusCode().value()).isEqualTo(400);
        assertThat(get(jo, "/api/v1/tasks/mine?limit=101").getStatusCode().value()).isEqualTo(400);
        assertThat(mongo.getCollection("tasks").countDocuments()).isEqualTo(before);
    }

    /** What sharing-service would publish: the relay puts it on the access topic, as sharing-service's would. */
    private void decide(String caseId, Grant... grants) {
        var decision = new CaseAccessChanged(caseId, "ASB_PERSONAL", "STOCKTON_CST", false, List.of(grants), Instant.now());
        store.append(events.of(caseId, 1L, decision));
    }

    private void decideAndWait(String caseId, Grant... grants) {
        decide(caseId, grants);
        await().atMost(ACCESS_ARRIVES).until(() -> caseAccess.find(caseId).isPresent());
    }
}
