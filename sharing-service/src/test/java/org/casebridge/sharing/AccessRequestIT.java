package org.casebridge.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bson.types.ObjectId;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.TestTokens;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A practitioner asks for access to another agency's case; its managers approve (an expiring share) or decline. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessRequestIT {

    private static final Duration ARRIVES = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;

    private final String jo = TestTokens.practitioner("jo.smith", "STOCKTON_CST", "STOCKTON_ASB");
    private final String pc = TestTokens.practitioner("pc.adams", "CLEVELAND_POLICE", "CP_STOCKTON_NPT");
    private final String raj = TestTokens.practitioner("raj.patel", "STOCKTON_CST", "STOCKTON_ASB");

    private String policeCase() {
        String caseId = new ObjectId().toHexString();
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, "ASB-2026-000777", "ASB_PERSONAL", false, "Police case",
                "OPEN", "CLEVELAND_POLICE", "pc.adams", null, "pc.adams", Instant.now())));
        await().atMost(ARRIVES).until(() -> ApiClient.onPort(port).get("/api/v1/sharing/cases/" + caseId + "/access", pc)
                .getStatusCode().value() == 200);
        return caseId;
    }

    private boolean maySee(String token, String caseId) {
        return ApiClient.onPort(port).get("/api/v1/access/check?case=" + caseId + "&action=VIEW", token).getBody()
                .get("allowed").asBoolean();
    }

    @Test
    void anApprovedRequestGivesTheRequesterAloneExpiringAccessAndTheyHearOfIt() throws Exception {
        String caseId = policeCase();
        var api = ApiClient.onPort(port);
        try (TopicProbe sharing = new TopicProbe(Topics.SHARING)) {
            var asked = api.post("/api/v1/sharing/access-requests", jo,
                    "{\"caseId\":\"" + caseId + "\",\"reason\":\"The victim on my case is known to the police\"}");
            assertThat(asked.getStatusCode().value()).isEqualTo(201);
            String id = asked.getBody().get("id").asString();
            assertThat(api.post("/api/v1/sharing/access-requests", jo, "{\"caseId\":\"" + caseId + "\",\"reason\":\"again\"}")
                    .getStatusCode().value()).isEqualTo(409);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(sharing.about(id)).singleElement().satisfies(e -> {
                assertThat(TopicProbe.header(e, "ce_type")).isEqualTo("casebridge.sharing.access-requested.v1");
                assertThat(TopicProbe.body(e)).contains("CLEVELAND_POLICE").doesNotContain("known to the police");
            }));

            // only the case's managers see and answer it
            assertThat(api.get("/api/v1/sharing/access-requests?status=PENDING", pc).getBody().findValuesAsString("id"))
                    .contains(id);
            assertThat(api.get("/api/v1/sharing/access-requests?status=PENDING", raj).getBody().findValuesAsString("id"))
                    .doesNotContain(id);
            assertThat(api.post("/api/v1/sharing/access-requests/" + id + "/approve", jo, "{}").getStatusCode().value())
                    .isEqualTo(404);

            var approved = api.post("/api/v1/sharing/access-requests/" + id + "/approve", pc, "{\"level\":\"VIEW\"}");
            assertThat(approved.getStatusCode().value()).isEqualTo(200);
            assertThat(approved.getBody().get("status").asString()).isEqualTo("APPROVED");
            Instant until = Instant.parse(approved.getBody().get("expiresAt").asString());
            assertThat(until).isBetween(Instant.now().plus(89, ChronoUnit.DAYS), Instant.now().plus(91, ChronoUnit.DAYS));
            assertThat(maySee(jo, caseId)).isTrue();
            assertThat(maySee(raj, caseId)).isFalse();
            assertThat(api.post("/api/v1/sharing/access-requests/" + id + "/decline", pc, "{\"reason\":\"Changed my mind\"}")
                    .getStatusCode().value()).isEqualTo(409);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(sharing.about(id).stream()
                    .map(e -> TopicProbe.header(e, "ce_type"))).contains("casebridge.sharing.access-request-decided.v1"));
            assertThat(api.get("/api/v1/sharing/access-requests/mine", jo).getBody().get(0).get("status").asString())
                    .isEqualTo("APPROVED");
            assertThat(api.post("/api/v1/sharing/access-requests", jo, "{\"caseId\":\"" + caseId + "\",\"reason\":\"more\"}")
                    .getStatusCode().value()).isEqualTo(409);
        }
    }

    @Test
    void aDeclinedRequestLeavesTheCaseHiddenAndSaysWhy() {
        String caseId = policeCase();
        var api = ApiClient.onPort(port);
        String id = api.post("/api/v1/sharing/access-requests", raj, "{\"caseId\":\"" + caseId + "\",\"reason\":\"Curious\"}")
                .getBody().get("id").asString();
        assertThat(api.post("/api/v1/sharing/access-requests/" + id + "/decline", pc, "{}").getStatusCode().value())
                .isEqualTo(400);
        var declined = api.post("/api/v1/sharing/access-requests/" + id + "/decline", pc,
                "{\"reason\":\"No shared victim or perpetrator\"}");
        assertThat(declined.getBody().get("status").asString()).isEqualTo("DECLINED");
        assertThat(maySee(raj, caseId)).isFalse();
        assertThat(api.get("/api/v1/sharing/access-requests/mine", raj).getBody().get(0).get("decisionReason").asString())
                .isEqualTo("No shared victim or perpetrator");
        assertThat(api.post("/api/v1/sharing/access-requests", raj,
                "{\"caseId\":\"" + new ObjectId().toHexString() + "\",\"reason\":\"x\"}").getStatusCode().value()).isEqualTo(404);
        assertThat(api.post("/api/v1/sharing/access-requests/" + id + "/approve", pc,
                "{\"expiresAt\":\"" + Instant.now().plus(400, ChronoUnit.DAYS) + "\"}").getStatusCode().value()).isEqualTo(409);
    }
}
