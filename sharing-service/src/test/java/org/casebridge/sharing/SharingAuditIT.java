package org.casebridge.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * sharing-service's audit on the audit topic: a share's and an access request's records ride in the changed
 * document's own outbox ({@code case_access}, {@code access_requests}), in the write that stores the change.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharingAuditIT {

    private static final Duration ARRIVES = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;
    @Autowired
    JsonMapper json;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String tom = TestTokens.practitioner("tom.reid", "THIRTEEN_GROUP", "THIRTEEN_TENANCY_ENFORCEMENT");

    private List<JsonNode> records(TopicProbe audit, String resourceId, String action) {
        return audit.about(resourceId).stream().map(r -> json.readTree(r.value()))
                .filter(r -> r.get("action").asString().equals(action)).toList();
    }

    @Test
    void sharesAndAccessRequestsAreAuditedOnTheAuditTopic() throws Exception {
        String caseId = new ObjectId().toHexString();
        var api = ApiClient.onPort(port);
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, "ASB-2026-000777", "ASB_PERSONAL", false,
                "Audited sharing", "OPEN", "STOCKTON_CST", "jo.smith", null, "jo.smith", Instant.now())));
        await().atMost(ARRIVES).until(() -> api.get("/api/v1/sharing/cases/" + caseId + "/access", jo)
                .getStatusCode().value() == 200);

        try (TopicProbe audit = new TopicProbe(Topics.AUDIT)) {
            var shared = api.post("/api/v1/sharing/cases/" + caseId + "/shares", jo,
                    "{\"kind\":\"TEAM\",\"principal\":\"CP_STOCKTON_NPT\",\"level\":\"VIEW\",\"reason\":\"Joint visit\"}");
            assertThat(shared.getStatusCode().value()).isEqualTo(201);
            String shareId = shared.getBody().get("id").asString();
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(records(audit, caseId, "SHARE")).singleElement()
                    .satisfies(r -> assertThat(r.get("userId").asString()).isEqualTo("jo.smith")));

            assertThat(api.call(HttpMethod.DELETE, "/api/v1/sharing/cases/" + caseId + "/shares/" + shareId, jo, null,
                    null).getStatusCode().value()).isEqualTo(204);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(records(audit, caseId, "REVOKE_SHARE"))
                    .singleElement().satisfies(r -> assertThat(r.toString()).contains(shareId)));

            var asked = api.post("/api/v1/sharing/access-requests", tom,
                    "{\"caseId\":\"" + caseId + "\",\"reason\":\"Tenancy warning pending\"}");
            assertThat(asked.getStatusCode().value()).isEqualTo(202);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(records(audit, caseId, "REQUEST_ACCESS"))
                    .singleElement().satisfies(r -> assertThat(r.get("userId").asString()).isEqualTo("tom.reid")));
        }
    }
}
