package org.casebridge.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.types.ObjectId;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.task.TaskCreated;
import org.casebridge.contracts.task.TaskSummary;
import org.casebridge.platform.access.CaseAccessProjection;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import tools.jackson.databind.JsonNode;

/** Who hears what: shares, tasks to a team, read state per member, the access check, and live push. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationRulesIT {

    private static final Duration ARRIVES = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;
    @Autowired
    CaseAccessProjection caseAccess;
    @Autowired
    org.casebridge.platform.directory.DirectoryCopy people;

    private JsonNode inbox(String token) {
        return ApiClient.onPort(port).get("/api/v1/notifications?limit=100", token).getBody();
    }

    private List<String> kindsAbout(String token, String caseId) {
        List<String> kinds = new java.util.ArrayList<>();
        inbox(token).get("items").forEach(n -> {
            if (caseId.equals(n.get("caseId").asString())) {
                kinds.add(n.get("kind").asString());
            }
        });
        return kinds;
    }

    private void decide(String caseId, long sequence, Grant... grants) {
        store.append(events.of(caseId, sequence, new CaseAccessChanged(caseId, "ASB_PERSONAL", "STOCKTON_CST", false,
                List.of(grants), Instant.now())));
    }

    private static final Grant OWNER = new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null);

    @Test
    void aShareIsAnnouncedOnceToThePartnerAndAgainOnlyAfterARevoke() {
        String housing = DemoUsers.TOM_REID.token();
        String caseId = new ObjectId().toHexString();
        Grant toHousing = new Grant(PrincipalKind.ORGANISATION, "THIRTEEN_GROUP", AccessLevel.VIEW, null);

        decide(caseId, 1, OWNER, toHousing);
        await().atMost(ARRIVES).untilAsserted(() -> assertThat(kindsAbout(housing, caseId)).containsExactly("CASE_SHARED"));
        decide(caseId, 2, OWNER, toHousing);
        decide(caseId, 3, OWNER);
        await().atMost(ARRIVES).until(() -> caseAccess.find(caseId).map(a -> a.view().size() == 1).orElse(false));
        assertThat(kindsAbout(housing, caseId)).containsExactly("CASE_SHARED");

        decide(caseId, 4, OWNER, toHousing);
        await().atMost(ARRIVES).untilAsserted(() -> assertThat(kindsAbout(housing, caseId))
                .containsExactly("CASE_SHARED", "CASE_SHARED"));
        String stockton = DemoUsers.JO_SMITH.token();
        assertThat(kindsAbout(stockton, caseId)).isEmpty();
    }

    @Test
    void aTaskNotificationNamesThePersonWhoSetItAsTheDirectoryKnowsThem() {
        String kay = TestTokens.practitioner("kay.wood", "STOCKTON_CST", "STOCKTON_ASB");
        store.append(events.of("user:sam.taylor", 1L, new org.casebridge.contracts.directory.DirectoryEntryChanged(
                "user:sam.taylor", "USER", "sam.taylor", "Sam Taylor", "CLEVELAND_POLICE", null, List.of("CP_STOCKTON_NPT"),
                List.of("PRACTITIONER"), true, Instant.now())));
        await().atMost(ARRIVES).until(() -> people.user("sam.taylor").isPresent());
        String taskId = new ObjectId().toHexString();
        TaskSummary task = new TaskSummary(taskId, null, "PERSON", new ObjectId().toHexString(), "Call the complainant",
                "HIGH", null, new TaskSummary.Assignee("USER", "kay.wood", "STOCKTON_CST"), "NEW", "sam.taylor",
                "CLEVELAND_POLICE");
        store.append(events.of(taskId, 1L, new TaskCreated(task, "sam.taylor", "CLEVELAND_POLICE", Instant.now())));

        await().atMost(ARRIVES).untilAsserted(() -> assertThat(inbox(kay).get("items").findValuesAsString("title"))
                .contains("Sam Taylor set you a high priority task: Call the complainant"));
    }

    @Test
    void aTaskForATeamReachesEveryMemberWhoEachReadItForThemselves() {
        String pc = DemoUsers.PC_ADAMS.token();
        String pcb = TestTokens.practitioner("pc.baker", "CLEVELAND_POLICE", "CP_STOCKTON_NPT");
        String taskId = new ObjectId().toHexString();
        TaskSummary task = new TaskSummary(taskId, null, "LOCATION", new ObjectId().toHexString(), "Check the underpass",
                "URGENT", null, new TaskSummary.Assignee("TEAM", "CP_STOCKTON_NPT", "CLEVELAND_POLICE"), "NEW", "jo.smith",
                "STOCKTON_CST");
        long unreadBefore = inbox(pcb).get("unread").asLong();
        store.append(events.of(taskId, 1L, new TaskCreated(task, "jo.smith", "STOCKTON_CST", Instant.now())));

        await().atMost(ARRIVES).untilAsserted(() -> assertThat(inbox(pc).get("items").findValuesAsString("taskId"))
                .contains(taskId));
        JsonNode mine = null;
        for (JsonNode n : inbox(pc).get("items")) {
            if (taskId.equals(n.get("taskId").asString())) {
                mine = n;
            }
        }
        assertThat(mine.get("title").asString()).isEqualTo("jo.smith set you a urgent priority task: Check the underpass");
        var read = ApiClient.onPort(port).call(HttpMethod.POST, "/api/v1/notifications/" + mine.get("id").asString()
                + "/read", pc, null, null);
        assertThat(read.getBody().get("read").asBoolean()).isTrue();
        assertThat(inbox(pcb).get("unread").asLong()).isEqualTo(unreadBefore + 1);

        assertThat(ApiClient.onPort(port).call(HttpMethod.POST, "/api/v1/notifications/read-all", pcb, null, null)
                .getBody().get("marked").asLong()).isPositive();
        assertThat(ApiClient.onPort(port).get("/api/v1/notifications/unread-count", pcb).getBody().get("unread").asLong())
                .isZero();
        String housing = DemoUsers.TOM_REID.token();
        assertThat(ApiClient.onPort(port).call(HttpMethod.POST, "/api/v1/notifications/" + mine.get("id").asString()
                + "/read", housing, null, null).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void nobodyHearsAboutACaseTheyMayNoLongerSee() {
        String raj = DemoUsers.RAJ_PATEL.token();
        String caseId = new ObjectId().toHexString();
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, "ASB-2026-000300", "ASB_PERSONAL", false, "Graffiti",
                "OPEN", "STOCKTON_CST", "raj.patel", null, "raj.patel", Instant.now())));
        decide(caseId, 1, OWNER);
        store.append(events.of(caseId, 2L, new CaseLogEntryAdded(caseId, "ASB-2026-000300", new ObjectId().toHexString(),
                "VISIT", "PARTNERSHIP", null, "pc.adams", "CLEVELAND_POLICE", Instant.now())));
        await().atMost(ARRIVES).untilAsserted(() -> assertThat(kindsAbout(raj, caseId)).containsExactly("CASE_UPDATED"));

        // the case now belongs to the police alone: its former lead hears nothing more of it
        store.append(events.of(caseId, 2L, new CaseAccessChanged(caseId, "ASB_PERSONAL", "CLEVELAND_POLICE", false,
                List.of(new Grant(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", AccessLevel.MANAGE, null)), Instant.now())));
        await().atMost(ARRIVES).until(() -> caseAccess.find(caseId).map(a -> a.view().equals(List.of("org:CLEVELAND_POLICE")))
                .orElse(false));
        store.append(events.of(caseId, 3L, new CaseLogEntryAdded(caseId, "ASB-2026-000300", new ObjectId().toHexString(),
                "NOTE", "PARTNERSHIP", null, "pc.adams", "CLEVELAND_POLICE", Instant.now())));
        String marker = new ObjectId().toHexString();
        store.append(events.of(marker, 1L, new CaseOpened(marker, "ASB-2026-000301", "ASB_PERSONAL", false, "Marker",
                "OPEN", "STOCKTON_CST", "raj.patel", null, "jo.smith", Instant.now())));
        decide(marker, 1, OWNER);
        await().atMost(ARRIVES).untilAsserted(() -> assertThat(kindsAbout(raj, marker)).containsExactly("CASE_LEAD_ASSIGNED"));
        assertThat(kindsAbout(raj, caseId)).containsExactly("CASE_UPDATED");
    }

    @Test
    void anOpenConsoleIsToldTheMomentSomethingArrives() throws Exception {
        String amy = TestTokens.practitioner("amy.lowe", "STOCKTON_CST", "STOCKTON_ASB");
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + amy).header("Accept", "text/event-stream").build();
        var response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(lines::add));
        try {
            await().atMost(ARRIVES).until(() -> lines.stream().anyMatch(l -> l.startsWith("event:open")));
            String caseId = new ObjectId().toHexString();
            store.append(events.of(caseId, 1L, new CaseOpened(caseId, "ASB-2026-000400", "ASB_PERSONAL", false,
                    "Pushed live", "OPEN", "STOCKTON_CST", "amy.lowe", null, "jo.smith", Instant.now())));
            decide(caseId, 1, OWNER);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(lines).anySatisfy(l ->
                    assertThat(l).startsWith("data:").contains(caseId).contains("CASE_LEAD_ASSIGNED")));
        } finally {
            response.cancel(true);
        }
    }

    /**
     * Case events and access decisions travel on different topics, so a case event may come first. Until the decision
     * is known nobody hears of the case (fail closed); then whoever it lets see the case is told, and nobody else.
     */
    @Test
    void nobodyHearsOfACaseBeforeItsAccessDecisionAndTheAllowedHearAfterIt() {
        String sam = TestTokens.practitioner("sam.okafor", "STOCKTON_CST", "STOCKTON_ASB");
        String pc = DemoUsers.PC_ADAMS.token();
        String caseId = new ObjectId().toHexString();
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, "ASB-2026-000310", "ASB_PERSONAL", false, "Held",
                "OPEN", "STOCKTON_CST", "sam.okafor", null, "jo.smith", Instant.now())));
        store.append(events.of(caseId, 2L, new CaseLogEntryAdded(caseId, "ASB-2026-000310", new ObjectId().toHexString(),
                "VISIT", "PARTNERSHIP", null, "jo.smith", "STOCKTON_CST", Instant.now())));

        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(kindsAbout(sam, caseId)).isEmpty());

        decide(caseId, 1, OWNER);
        await().atMost(ARRIVES).untilAsserted(() -> assertThat(kindsAbout(sam, caseId))
                .containsExactlyInAnyOrder("CASE_LEAD_ASSIGNED", "CASE_UPDATED"));
        String marker = new ObjectId().toHexString();
        store.append(events.of(marker, 1L, new CaseOpened(marker, "ASB-2026-000312", "ASB_PERSONAL", false, "Marker",
                "OPEN", "CLEVELAND_POLICE", "pc.adams", null, "jo.smith", Instant.now())));
        store.append(events.of(marker, 1L, new CaseAccessChanged(marker, "ASB_PERSONAL", "CLEVELAND_POLICE", false,
                List.of(new Grant(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", AccessLevel.MANAGE, null)), Instant.now())));
        await().atMost(ARRIVES).untilAsserted(() -> assertThat(kindsAbout(pc, marker)).containsExactly("CASE_LEAD_ASSIGNED"));
        assertThat(kindsAbout(pc, caseId)).isEmpty();
    }
}
