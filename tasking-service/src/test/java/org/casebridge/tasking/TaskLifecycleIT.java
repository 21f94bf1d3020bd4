package org.casebridge.tasking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.types.ObjectId;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.platform.access.CaseAccessProjection;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.casebridge.platform.test.TopicProbe;
import org.casebridge.tasking.tasks.deadlines.TaskDeadlines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/** A task's whole life across organisations, tasking with and without a share, deadlines, and a case closing. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskLifecycleIT {

    private static final Duration ARRIVES = Duration.ofSeconds(30);
    private static TopicProbe taskTopic;

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;
    @Autowired
    CaseAccessProjection caseAccess;
    @Autowired
    TaskDeadlines deadlines;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String pc = DemoUsers.PC_ADAMS.token();
    private final String sergeant = TestTokens.token("sgt.lowe", "CLEVELAND_POLICE", List.of("CP_STOCKTON_NPT"),
            List.of("SUPERVISOR"));
    private final String housing = DemoUsers.TOM_REID.token();
    private final String analyst = DemoUsers.ANALYST_TEES.token();

    @BeforeAll
    static void probe() {
        taskTopic = new TopicProbe(Topics.TASK);
    }

    @AfterAll
    static void close() throws InterruptedException {
        taskTopic.close();
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, String ifMatch, String body) {
        return ApiClient.onPort(port).call(method, path, token, ifMatch, body);
    }

    private String caseSharedWith(Grant... partners) {
        String caseId = new ObjectId().toHexString();
        List<Grant> grants = new java.util.ArrayList<>(List.of(partners));
        grants.add(0, new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null));
        decide(caseId, 1L, grants);
        return caseId;
    }

    private void decide(String caseId, long sequence, List<Grant> grants) {
        store.append(events.of(caseId, sequence,
                new CaseAccessChanged(caseId, "ASB_PERSONAL", "STOCKTON_CST", false, grants, Instant.now())));
        await().atMost(ARRIVES).until(() -> caseAccess.find(caseId).filter(a -> a.view().size() == grants.size()).isPresent());
    }

    private static String taskFor(String caseId, String kind, String id, String organisation, String due) {
        return "{\"caseId\":\"" + caseId + "\",\"title\":\"Patrol Elm Road on Friday evening\",\"priority\":\"HIGH\","
                + "\"assignee\":{\"kind\":\"" + kind + "\",\"id\":\"" + id + "\",\"organisation\":\"" + organisation + "\"}"
                + (due == null ? "" : ",\"dueDate\":\"" + due + "\"") + "}";
    }

    private List<String> typesAbout(String taskId) {
        return taskTopic.about(taskId).stream().map(r -> TopicProbe.header(r, "ce_type")).toList();
    }

    @Test
    void aPartnerTeamIsTaskedAllocatesItAndSeesItDone() {
        String caseId = caseSharedWith(new Grant(PrincipalKind.TEAM, "CP_STOCKTON_NPT", AccessLevel.CONTRIBUTE, null));
        var created = call(HttpMethod.POST, "/api/v1/tasks", jo, null,
                taskFor(caseId, "TEAM", "CP_STOCKTON_NPT", "CLEVELAND_POLICE", null));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = created.getBody().get("id").asString();
        String path = "/api/v1/tasks/" + id;

        assertThat(call(HttpMethod.GET, "/api/v1/tasks?view=TEAM&limit=100", pc, null, null).getBody().get("items")
                .findValuesAsString("id")).contains(id);
        assertThat(call(HttpMethod.GET, "/api/v1/tasks?view=SET_BY_ME&limit=100", jo, null, null).getBody().get("items")
                .findValuesAsString("id")).contains(id);
        assertThat(call(HttpMethod.POST, path + "/accept", pc, "\"1\"", null).getStatusCode().value()).isEqualTo(409);
        assertThat(call(HttpMethod.POST, path + "/allocate", pc, "\"1\"", "{\"userId\":\"pc.adams\"}").getStatusCode().value())
                .isEqualTo(403);
        assertThat(call(HttpMethod.POST, path + "/allocate", sergeant, null, "{\"userId\":\"pc.adams\"}").getStatusCode().value())
                .isEqualTo(428);
        assertThat(call(HttpMethod.POST, path + "/allocate", sergeant, "\"1\"", "{\"userId\":\"pc.adams\"}")
                .getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(call(HttpMethod.POST, path + "/accept", pc, "\"1\"", null).getStatusCode().value()).isEqualTo(412);
        assertThat(call(HttpMethod.POST, path + "/accept", pc, "\"2\"", null).getStatusCode().value()).isEqualTo(200);
        assertThat(call(HttpMethod.POST, path + "/start", pc, "\"3\"", null).getStatusCode().value()).isEqualTo(200);
        assertThat(call(HttpMethod.POST, path + "/updates", pc, null, "{\"text\":\"Patrolled twice, group dispersed\"}")
                .getStatusCode().value()).isEqualTo(201);
        assertThat(call(HttpMethod.POST, path + "/complete", pc, "\"5\"", "{}").getStatusCode().value()).isEqualTo(400);
        var done = call(HttpMethod.POST, path + "/complete", pc, "\"5\"", "{\"outcome\":\"Two warnings given\"}");
        assertThat(done.getStatusCode().value()).isEqualTo(200);
        assertThat(done.getBody().get("status").asString()).isEqualTo("DONE");
        assertThat(done.getBody().get("updates").findValuesAsString("kind")).containsExactly("CREATED", "ALLOCATED",
                "ACCEPTED", "STARTED", "UPDATE", "COMPLETED");
        assertThat(call(HttpMethod.POST, path + "/cancel", jo, "\"6\"", "{\"reason\":\"Too late\"}").getStatusCode().value())
                .isEqualTo(409);

        await().atMost(ARRIVES).untilAsserted(() -> assertThat(typesAbout(id)).containsExactly(
                "casebridge.task.created.v1", "casebridge.task.assigned.v1", "casebridge.task.accepted.v1",
                "casebridge.task.started.v1", "casebridge.task.updated.v1", "casebridge.task.completed.v1"));
        assertThat(TopicProbe.body(taskTopic.about(id).get(5))).contains("Two warnings given");
    }

    @Test
    void aPartnerIsTaskedOnlyOnceTheCaseIsSharedWithThemToContribute() {
        String caseId = caseSharedWith(new Grant(PrincipalKind.ORGANISATION, "THIRTEEN_GROUP", AccessLevel.VIEW, null));
        String body = taskFor(caseId, "ORGANISATION", "THIRTEEN_GROUP", "THIRTEEN_GROUP", null);

        var refused = call(HttpMethod.POST, "/api/v1/tasks", jo, null, body);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("detail").asString()).contains("THIRTEEN_GROUP").contains("CONTRIBUTE");
        assertThat(call(HttpMethod.GET, "/api/v1/tasks?view=TEAM&limit=100", housing, null, null).getBody().get("items"))
                .isEmpty();

        decide(caseId, 2L, List.of(new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null),
                new Grant(PrincipalKind.ORGANISATION, "THIRTEEN_GROUP", AccessLevel.CONTRIBUTE, null)));
        await().atMost(ARRIVES).until(() -> caseAccess.find(caseId).map(a -> a.contribute().size() == 2).orElse(false));
        String id = call(HttpMethod.POST, "/api/v1/tasks", jo, null, body).getBody().get("id").asString();
        assertThat(call(HttpMethod.GET, "/api/v1/tasks/" + id, housing, null, null).getStatusCode().value()).isEqualTo(200);
        // the police, with no share, do not learn the task exists
        assertThat(call(HttpMethod.GET, "/api/v1/tasks/" + id, pc, null, null).getStatusCode().value()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/v1/tasks?view=CASE&case=" + caseId, pc, null, null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/v1/tasks?view=CASE&case=" + caseId, jo, null, null).getBody().get("items"))
                .singleElement().satisfies(task -> assertThat(task.get("id").asString()).isEqualTo(id));
    }

    @Test
    void overdueTasksEscalateOnceEvenWhenTwoInstancesCheckAtOnce() throws Exception {
        String caseId = caseSharedWith(new Grant(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", AccessLevel.CONTRIBUTE, null));
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        String id = call(HttpMethod.POST, "/api/v1/tasks", jo, null,
                taskFor(caseId, "USER", "pc.adams", "CLEVELAND_POLICE", tomorrow.toString())).getBody().get("id").asString();
        Instant now = Instant.now();

        deadlines.check(now);
        deadlines.check(now.plus(2, ChronoUnit.DAYS));
        assertThat(call(HttpMethod.GET, "/api/v1/tasks?view=OVERDUE&limit=100", pc, null, null).getBody().get("items")
                .findValuesAsString("id")).doesNotContain(id);

        // two instances of tasking-service run the rules at the same moment, a week on
        Instant weekLater = now.plus(7, ChronoUnit.DAYS);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> runs = List.of(() -> deadlines.check(weekLater), () -> deadlines.check(weekLater));
            for (var run : two.invokeAll(runs)) {
                run.get();
            }
        } finally {
            two.shutdownNow();
        }

        await().atMost(ARRIVES).untilAsserted(() -> assertThat(typesAbout(id)).containsExactly(
                "casebridge.task.created.v1", "casebridge.task.due-soon.v1", "casebridge.task.overdue.v1",
                "casebridge.task.escalated.v1"));
        var task = call(HttpMethod.GET, "/api/v1/tasks/" + id, pc, null, null).getBody();
        assertThat(task.get("updates").findValuesAsString("kind")).containsExactly("CREATED", "DUE_SOON", "OVERDUE", "ESCALATED");
    }

    @Test
    void theScheduledRulesRunUnderALockHeldInMongoDb() {
        // whichever instance holds this lock runs the rules; the others skip until it is released
        await().atMost(ARRIVES).untilAsserted(() -> assertThat(mongo.getCollection("shedLock")
                .find(new org.bson.Document("_id", "task-deadlines")).first()).isNotNull()
                .satisfies(lock -> assertThat(lock.get("lockedBy")).asString().isNotBlank()));
    }

    @Test
    void closingTheCaseFlagsItsOpenTasksToTheirPeople() {
        String caseId = caseSharedWith(new Grant(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", AccessLevel.CONTRIBUTE, null));
        String id = call(HttpMethod.POST, "/api/v1/tasks", jo, null,
                taskFor(caseId, "USER", "pc.adams", "CLEVELAND_POLICE", null)).getBody().get("id").asString();

        store.append(events.of(caseId, 5L, new CaseClosed(caseId, "ASB-2026-000001", "OPEN", "RESOLVED", "Sorted",
                "jo.smith", "STOCKTON_CST", Instant.now())));

        await().atMost(ARRIVES).untilAsserted(() -> assertThat(typesAbout(id)).contains("casebridge.task.case-closed.v1"));
        JsonNode task = call(HttpMethod.GET, "/api/v1/tasks/" + id, pc, null, null).getBody();
        assertThat(task.get("caseClosed").asBoolean()).isTrue();
        assertThat(task.get("status").asString()).isEqualTo("NEW");
    }

    @Test
    void aTaskAboutAPersonFollowsTheirRecordWhenItIsMerged() {
        String duplicate = new ObjectId().toHexString();
        String survivor = new ObjectId().toHexString();
        var created = call(HttpMethod.POST, "/api/v1/tasks", jo, null, "{\"subjectKind\":\"PERSON\",\"subjectId\":\""
                + duplicate + "\",\"title\":\"Welfare check\"}");
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = created.getBody().get("id").asString();

        store.append(events.of(survivor, 2L, new org.casebridge.contracts.party.PersonsMerged(survivor, duplicate,
                "jo.smith", "STOCKTON_CST", Instant.now())));

        await().atMost(ARRIVES).untilAsserted(() -> assertThat(call(HttpMethod.GET, "/api/v1/tasks/" + id, jo, null, null)
                .getBody().get("subjectId").asString()).isEqualTo(survivor));
        assertThat(call(HttpMethod.GET, "/api/v1/tasks/" + id, jo, null, null).getBody().get("updates")
                .findValuesAsString("kind")).containsExactly("CREATED", "PERSON_MERGED");
    }

    @Test
    void thePartnershipSeesTaskingFiguresWithoutPersonalData() {
        String caseId = caseSharedWith(new Grant(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", AccessLevel.CONTRIBUTE, null));
        String id = call(HttpMethod.POST, "/api/v1/tasks", jo, null,
                taskFor(caseId, "USER", "pc.adams", "CLEVELAND_POLICE", null)).getBody().get("id").asString();
        call(HttpMethod.POST, "/api/v1/tasks/" + id + "/accept", pc, "\"1\"", null);
        call(HttpMethod.POST, "/api/v1/tasks/" + id + "/complete", pc, "\"2\"", "{\"outcome\":\"Done at 12 Elm Road\"}");
        Instant from = Instant.now().minus(1, ChronoUnit.DAYS);
        Instant to = Instant.now().plus(1, ChronoUnit.DAYS);

        var counts = call(HttpMethod.GET, "/api/v1/tasks/reports/counts?from=" + from + "&to=" + to, analyst, null, null);
        assertThat(counts.getStatusCode().value()).isEqualTo(200);
        JsonNode police = null;
        for (JsonNode row : counts.getBody().get("rows")) {
            if (row.get("organisation").asString().equals("CLEVELAND_POLICE")) {
                police = row;
            }
        }
        assertThat(police).isNotNull();
        assertThat(police.get("received").asLong()).isPositive();
        assertThat(police.get("completed").asLong()).isPositive();
        assertThat(police.get("medianHoursToComplete").isNumber()).isTrue();
        assertThat(counts.getBody().toString()).doesNotContain("Elm Road").doesNotContain("pc.adams");
        assertThat(call(HttpMethod.GET, "/api/v1/tasks/reports/counts?from=" + from + "&to=" + to, jo, null, null)
                .getStatusCode().value()).isEqualTo(403);
    }
}
