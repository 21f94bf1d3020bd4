package org.casebridge.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/** A case's life through the API: review, closure, reopening, the log, and concurrent writers. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseLifecycleIT {

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String police = DemoUsers.PC_ADAMS.token();

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, String ifMatch, String body) {
        return ApiClient.onPort(port).call(method, path, token, ifMatch, body);
    }

    private String openCase(String body) {
        return call(HttpMethod.POST, "/api/v1/cases", jo, null, body).getBody().get("id").asString();
    }

    @Test
    void aReferralIsAcceptedReviewedClosedAndReopenedWithTheETagEachTime() throws Exception {
        String id = openCase("{\"type\":\"NEIGHBOUR_DISPUTE\",\"title\":\"Boundary hedge dispute\",\"referral\":true}");
        String path = "/api/v1/cases/" + id;
        try (TopicProbe caseTopic = new TopicProbe(Topics.CASE)) {
            var accepted = call(HttpMethod.POST, path + "/accept", jo, "\"1\"", null);
            assertThat(accepted.getBody().get("status").asString()).isEqualTo("OPEN");
            assertThat(accepted.getHeaders().getETag()).isEqualTo("\"2\"");

            var wrongMove = call(HttpMethod.POST, path + "/end-review", jo, "\"2\"", null);
            assertThat(wrongMove.getStatusCode().value()).isEqualTo(409);
            assertThat(wrongMove.getBody().get("detail").asString()).contains("is OPEN");

            call(HttpMethod.POST, path + "/review", jo, "\"2\"", null);
            var noSummary = call(HttpMethod.POST, path + "/close", jo, "\"3\"", "{\"outcome\":\"RESOLVED\"}");
            assertThat(noSummary.getStatusCode().value()).isEqualTo(400);
            assertThat(noSummary.getBody().get("errors").get(0).get("field").asString()).isEqualTo("summary");
            var badOutcome = call(HttpMethod.POST, path + "/close", jo, "\"3\"", "{\"outcome\":\"SOLVED\",\"summary\":\"x\"}");
            assertThat(badOutcome.getStatusCode().value()).isEqualTo(400);

            var closed = call(HttpMethod.POST, path + "/close", jo, "\"3\"",
                    "{\"outcome\":\"RESOLVED\",\"summary\":\"Mediation agreed; hedge cut back\"}");
            assertThat(closed.getBody().get("status").asString()).isEqualTo("CLOSED");
            assertThat(closed.getBody().get("closure").get("outcome").asString()).isEqualTo("RESOLVED");
            assertThat(call(HttpMethod.PATCH, path, jo, "\"4\"", "{\"title\":\"Changed\"}").getStatusCode().value())
                    .isEqualTo(409);

            var reopened = call(HttpMethod.POST, path + "/reopen", jo, "\"4\"", "{\"reason\":\"Dispute flared up again\"}");
            assertThat(reopened.getBody().get("status").asString()).isEqualTo("OPEN");
            assertThat(reopened.getHeaders().getETag()).isEqualTo("\"5\"");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(caseTopic.about(id))
                    .extracting(r -> TopicProbe.header(r, "ce_type") + "@" + TopicProbe.header(r, "ce_sequence"))
                    .contains("casebridge.case.status-changed.v1@2", "casebridge.case.status-changed.v1@3",
                            "casebridge.case.closed.v1@4", "casebridge.case.reopened.v1@5"));
        }
    }

    @Test
    void changesNeedTheCurrentETag() {
        String id = openCase("{\"type\":\"OTHER\",\"title\":\"ETag check\"}");
        String path = "/api/v1/cases/" + id;
        assertThat(call(HttpMethod.PATCH, path, jo, null, "{\"title\":\"No If-Match\"}").getStatusCode().value()).isEqualTo(428);
        assertThat(call(HttpMethod.PATCH, path, jo, "\"7\"", "{\"title\":\"Wrong version\"}").getStatusCode().value()).isEqualTo(412);
        assertThat(call(HttpMethod.PATCH, path, jo, "\"1\"", "{\"title\":\"\"}").getStatusCode().value()).isEqualTo(400);
        var updated = call(HttpMethod.PATCH, path, jo, "\"1\"", "{\"title\":\"Right version\",\"nextReviewDate\":\"2026-12-01\"}");
        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getBody().get("nextReviewDate").asString()).isEqualTo("2026-12-01");
        assertThat(call(HttpMethod.GET, path, jo, null, null).getBody().get("title").asString()).isEqualTo("Right version");
    }

    @Test
    void twentyParallelWritersLoseNoUpdate() throws Exception {
        String id = openCase("{\"type\":\"OTHER\",\"title\":\"Race\"}");
        String path = "/api/v1/cases/" + id;
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<ResponseEntity<JsonNode>>> renames = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String title = "Writer " + i;
                renames.add(() -> call(HttpMethod.PATCH, path, jo, "\"1\"", "{\"title\":\"" + title + "\"}"));
            }
            List<ResponseEntity<JsonNode>> results = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> f : pool.invokeAll(renames)) {
                results.add(f.get());
            }
            List<ResponseEntity<JsonNode>> won = results.stream().filter(r -> r.getStatusCode().value() == 200).toList();
            assertThat(won).hasSize(1);
            assertThat(results).filteredOn(r -> r.getStatusCode().value() == 412).hasSize(19);
            var stored = call(HttpMethod.GET, path, jo, null, null);
            assertThat(stored.getBody().get("title").asString()).isEqualTo(won.get(0).getBody().get("title").asString());
            assertThat(stored.getHeaders().getETag()).isEqualTo("\"2\"");

            List<Callable<ResponseEntity<JsonNode>>> appends = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String text = "Contact " + i;
                appends.add(() -> call(HttpMethod.POST, path + "/log", jo, null, "{\"kind\":\"CONTACT\",\"text\":\"" + text + "\"}"));
            }
            for (Future<ResponseEntity<JsonNode>> f : pool.invokeAll(appends)) {
                assertThat(f.get().getStatusCode().value()).isEqualTo(201);
            }
            JsonNode log = call(HttpMethod.GET, path + "/log", jo, null, null).getBody();
            assertThat(log).hasSize(20);
            assertThat(call(HttpMethod.GET, path, jo, null, null).getHeaders().getETag()).isEqualTo("\"22\"");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPartnerWhoMayOnlyViewCannotChangeAndDoesNotSeeInternalEntries() {
        String id = openCase("{\"type\":\"ASB_NUISANCE\",\"title\":\"Shared for viewing\"}");
        String path = "/api/v1/cases/" + id;
        call(HttpMethod.POST, path + "/log", jo, null, "{\"kind\":\"VISIT\",\"text\":\"Visited the address\"}");
        call(HttpMethod.POST, path + "/log", jo, null,
                "{\"kind\":\"NOTE\",\"text\":\"Staff safety: dog on premises\",\"visibility\":\"ORGANISATION\"}");
        assertThat(call(HttpMethod.POST, path + "/close", police, "\"3\"", "{\"outcome\":\"OTHER\",\"summary\":\"x\"}")
                .getStatusCode().value()).isEqualTo(404);

        store.append(events.of(id, 2L, new CaseAccessChanged(id, "ASB_NUISANCE", "STOCKTON_CST", false, List.of(
                new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null),
                new Grant(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", AccessLevel.VIEW, null)), Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, path, police, null, null).getStatusCode().value() == 200);

        var close = call(HttpMethod.POST, path + "/close", police, "\"3\"", "{\"outcome\":\"OTHER\",\"summary\":\"x\"}");
        assertThat(close.getStatusCode().value()).isEqualTo(403);
        assertThat(close.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(call(HttpMethod.POST, path + "/log", police, null, "{\"kind\":\"NOTE\",\"text\":\"x\"}").getStatusCode().value())
                .isEqualTo(403);
        JsonNode policeLog = call(HttpMethod.GET, path + "/log", police, null, null).getBody();
        assertThat(policeLog.findValuesAsString("text")).containsExactly("Visited the address");
        assertThat(call(HttpMethod.GET, path + "/log", jo, null, null).getBody()).hasSize(2);
    }
}
