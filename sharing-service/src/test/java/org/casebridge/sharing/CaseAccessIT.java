package org.casebridge.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.bson.types.ObjectId;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseAccessIT {

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;
    @Autowired
    JsonMapper json;

    private ResponseEntity<JsonNode> accessOf(String caseId, String token) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .get().uri("/api/v1/sharing/cases/{id}/access", caseId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toEntity(JsonNode.class);
    }

    @Test
    void aNewCaseIsVisibleToItsOwnerOrganisationOnlyAndTheDecisionIsPublished() throws Exception {
        String caseId = new ObjectId().toHexString();
        try (TopicProbe access = new TopicProbe(Topics.ACCESS)) {
            store.append(events.of(caseId, 1L, new CaseOpened(caseId, "DA-2026-000001", "DOMESTIC_ABUSE", true,
                    "Repeat incidents at Flat 3", "OPEN", "CLEVELAND_POLICE", "pc.adams", null, "pc.adams", Instant.now())));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(access.about(caseId)).hasSize(1));
            var record = access.about(caseId).get(0);
            assertThat(record.key()).isEqualTo(caseId);
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("casebridge.access.changed.v1");
            JsonNode decision = json.readTree(record.value());
            assertThat(decision.get("restricted").asBoolean()).isTrue();
            assertThat(decision.get("grants")).hasSize(1);
            assertThat(decision.get("grants").get(0).get("id").asString()).isEqualTo("CLEVELAND_POLICE");
            assertThat(decision.get("grants").get(0).get("level").asString()).isEqualTo("MANAGE");
        }

        assertThat(accessOf(caseId, TestTokens.practitioner("sgt.baker", "CLEVELAND_POLICE", null)).getStatusCode().value())
                .isEqualTo(200);
        assertThat(accessOf(caseId, TestTokens.practitioner("sgt.baker", "CLEVELAND_POLICE", null)).getBody().get("decision")
                .get("grants")).hasSize(1);
        assertThat(accessOf(caseId, DemoUsers.JO_SMITH.token()).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void aShareIsPublishedEnforcedExplainedAndRevoked() throws Exception {
        String caseId = new ObjectId().toHexString();
        String jo = DemoUsers.JO_SMITH.token();
        String pc = DemoUsers.PC_ADAMS.token();
        var api = org.casebridge.platform.test.ApiClient.onPort(port);
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, "ASB-2026-000042", "ASB_PERSONAL", false,
                "Noise at Elm Road", "OPEN", "STOCKTON_CST", "jo.smith", null, "jo.smith", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> accessOf(caseId, jo).getStatusCode().value() == 200);

        try (TopicProbe access = new TopicProbe(Topics.ACCESS)) {
            var refused = api.post("/api/v1/sharing/cases/" + caseId + "/shares", jo,
                    "{\"kind\":\"ORGANISATION\",\"principal\":\"NOT_A_PARTNER\",\"level\":\"VIEW\",\"reason\":\"x\"}");
            assertThat(refused.getStatusCode().value()).isEqualTo(422);
            var shared = api.post("/api/v1/sharing/cases/" + caseId + "/shares", jo,
                    "{\"kind\":\"TEAM\",\"principal\":\"CP_STOCKTON_NPT\",\"level\":\"CONTRIBUTE\",\"reason\":\"Joint visit\"}");
            assertThat(shared.getStatusCode().value()).isEqualTo(201);
            assertThat(shared.getBody().get("agreement").asString()).isEqualTo("TEES-ASB-ISP");
            assertThat(api.post("/api/v1/sharing/cases/" + caseId + "/shares", pc,
                    "{\"kind\":\"ORGANISATION\",\"principal\":\"THIRTEEN_GROUP\",\"level\":\"VIEW\",\"reason\":\"x\"}")
                    .getStatusCode().value()).isEqualTo(403);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(access.about(caseId).stream()
                    .map(r -> json.readTree(r.value()).get("grants").size())).contains(2));
            assertThat(api.get("/api/v1/access/check?case=" + caseId + "&action=CONTRIBUTE", pc).getBody().get("allowed")
                    .asBoolean()).isTrue();
            assertThat(api.get("/api/v1/access/check?case=" + caseId + "&action=MANAGE", pc).getBody().get("allowed")
                    .asBoolean()).isFalse();
            assertThat(api.get("/api/v1/access/explain?case=" + caseId, pc).getBody().get("reasons").get(0).asString())
                    .contains("your team CP_STOCKTON_NPT").contains("jo.smith").contains("TEES-ASB-ISP");

            String shareId = shared.getBody().get("id").asString();
            assertThat(api.call(org.springframework.http.HttpMethod.DELETE, "/api/v1/sharing/cases/" + caseId + "/shares/"
                    + shareId, jo, null, null).getStatusCode().value()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json.readTree(
                    access.about(caseId).get(access.about(caseId).size() - 1).value()).get("grants")).hasSize(1));
            assertThat(api.get("/api/v1/access/check?case=" + caseId + "&action=VIEW", pc).getBody().get("allowed")
                    .asBoolean()).isFalse();
        }
    }

    @Test
    void theCasesManagersReadWhoLookedAtItAndOutsidersCannot() {
        String caseId = new ObjectId().toHexString();
        String jo = DemoUsers.JO_SMITH.token();
        String pc = DemoUsers.PC_ADAMS.token();
        var api = org.casebridge.platform.test.ApiClient.onPort(port);
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, "ASB-2026-000043", "ASB_PERSONAL", false,
                "Audited case", "OPEN", "STOCKTON_CST", "jo.smith", null, "jo.smith", Instant.now())));
        store.append(events.of(caseId, null, new org.casebridge.contracts.audit.AuditRecorded("audit-" + caseId, "raj.patel",
                "STOCKTON_CST", "READ", "case", caseId, "org:STOCKTON_CST", "Preparing for the JAG", java.util.Map.of(),
                "case-service", "req-1", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/sharing/cases/" + caseId + "/audit", jo).getBody().findValuesAsString("userId"))
                .contains("raj.patel"));
        JsonNode entry = api.get("/api/v1/sharing/cases/" + caseId + "/audit", jo).getBody().get(0);
        assertThat(entry.get("purpose").asString()).isEqualTo("Preparing for the JAG");
        assertThat(entry.get("grantedBy").asString()).isEqualTo("org:STOCKTON_CST");
        assertThat(api.get("/api/v1/sharing/cases/" + caseId + "/audit", pc).getStatusCode().value()).isEqualTo(404);

        api.post("/api/v1/sharing/cases/" + caseId + "/shares", jo,
                "{\"kind\":\"ORGANISATION\",\"principal\":\"CLEVELAND_POLICE\",\"level\":\"VIEW\",\"reason\":\"FYI\"}");
        assertThat(api.get("/api/v1/sharing/cases/" + caseId + "/audit", pc).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void whenConsentLapsesTheSharesGoUpForReviewOnTheirOwnAndAManagerConfirmsThem() {
        String caseId = new ObjectId().toHexString();
        String jo = DemoUsers.JO_SMITH.token();
        var api = org.casebridge.platform.test.ApiClient.onPort(port);
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, "ASB-2026-000044", "ASB_PERSONAL", false,
                "Consent case", "OPEN", "STOCKTON_CST", "jo.smith", null, "jo.smith", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> accessOf(caseId, jo).getStatusCode().value() == 200);

        assertThat(api.post("/api/v1/sharing/cases/" + caseId + "/shares", jo, "{\"kind\":\"ORGANISATION\","
                + "\"principal\":\"THIRTEEN_GROUP\",\"level\":\"VIEW\",\"reason\":\"Tenancy\",\"consent\":\"GIVEN\","
                + "\"consentUntil\":\"" + Instant.now().plusSeconds(2) + "\"}").getStatusCode().value()).isEqualTo(201);
        assertThat(accessOf(caseId, jo).getBody().get("review").isNull()).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(accessOf(caseId, jo).getBody().path("review")
                .path("reason").asString("")).contains("THIRTEEN_GROUP").contains("lapsed"));
        assertThat(api.get("/api/v1/sharing/reviews", jo).getBody().findValuesAsString("caseId")).contains(caseId);
        // the share stays in force until a manager decides
        assertThat(api.get("/api/v1/access/check?case=" + caseId + "&action=VIEW",
                TestTokens.practitioner("kate.moss", "THIRTEEN_GROUP", "THIRTEEN_ASB")).getBody().get("allowed").asBoolean())
                .isTrue();

        assertThat(api.post("/api/v1/sharing/cases/" + caseId + "/shares/review",
                TestTokens.practitioner("kate.moss", "THIRTEEN_GROUP", "THIRTEEN_ASB"), "{}").getStatusCode().value())
                .isEqualTo(403);
        var confirmed = api.post("/api/v1/sharing/cases/" + caseId + "/shares/review", jo, "{}");
        assertThat(confirmed.getStatusCode().value()).isEqualTo(200);
        assertThat(confirmed.getBody().get("review").isNull()).isTrue();
        assertThat(api.get("/api/v1/sharing/reviews", jo).getBody().findValuesAsString("caseId")).doesNotContain(caseId);
    }

    @Test
    void theOrganisationThatRegisteredAPersonReadsWhoLookedAtThem() {
        String personId = new ObjectId().toHexString();
        var api = org.casebridge.platform.test.ApiClient.onPort(port);
        store.append(events.of(personId, null, new org.casebridge.contracts.audit.AuditRecorded("p-create-" + personId,
                "jo.smith", "STOCKTON_CST", "CREATE", "person", personId, "organisation-record", null, java.util.Map.of(),
                "party-service", "req-1", Instant.now())));
        store.append(events.of(personId, null, new org.casebridge.contracts.audit.AuditRecorded("p-read-" + personId,
                "pc.adams", "CLEVELAND_POLICE", "READ", "person", personId, "case:abc", "Checking before a visit",
                java.util.Map.of(), "party-service", "req-2", Instant.now())));
        String helen = TestTokens.token("helen.wood", "STOCKTON_CST", java.util.List.of(), java.util.List.of("ORG_ADMIN"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/sharing/people/" + personId + "/audit", helen).getBody().findValuesAsString("userId"))
                .containsExactlyInAnyOrder("jo.smith", "pc.adams"));
        assertThat(api.get("/api/v1/sharing/people/" + personId + "/audit", helen).getBody().findValuesAsString("grantedBy"))
                .contains("case:abc");
        assertThat(api.get("/api/v1/sharing/people/" + personId + "/audit",
                DemoUsers.JO_SMITH.token()).getStatusCode().value()).isEqualTo(403);
        assertThat(api.get("/api/v1/sharing/people/" + personId + "/audit",
                TestTokens.token("sgt.baker", "CLEVELAND_POLICE", java.util.List.of(), java.util.List.of("ORG_ADMIN")))
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aNamedUsersOrganisationComesFromTheDirectoryNotFromTheSharer() {
        String caseId = new ObjectId().toHexString();
        String pc = DemoUsers.PC_ADAMS.token();
        String housing = TestTokens.practitioner("tg.officer", "THIRTEEN_GROUP", "THIRTEEN_TENANCY_ENFORCEMENT");
        String jo = DemoUsers.JO_SMITH.token();
        var api = org.casebridge.platform.test.ApiClient.onPort(port);
        // a restricted domestic abuse case: no agreement covers it between the police and a housing provider
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, "DA-2026-000099", "DOMESTIC_ABUSE", true,
                "Restricted", "OPEN", "CLEVELAND_POLICE", "pc.adams", null, "pc.adams", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> accessOf(caseId, pc).getStatusCode().value() == 200);
        // both recipients have used CaseBridge, so the directory knows them
        assertThat(accessOf(caseId, housing).getStatusCode().value()).isEqualTo(404);
        assertThat(accessOf(caseId, jo).getStatusCode().value()).isEqualTo(404);
        String share = "/api/v1/sharing/cases/" + caseId + "/shares";

        // claiming the housing officer is one of the police's own would skip the agreement
        var claimed = api.post(share, pc, "{\"kind\":\"USER\",\"principal\":\"tg.officer\","
                + "\"organisation\":\"CLEVELAND_POLICE\",\"level\":\"VIEW\",\"reason\":\"x\"}");
        assertThat(claimed.getStatusCode().value()).isEqualTo(422);
        assertThat(claimed.getBody().get("detail").asString()).contains("does not belong to CLEVELAND_POLICE");
        // without the claim, the directory says Thirteen Group, and no agreement covers that
        var unclaimed = api.post(share, pc, "{\"kind\":\"USER\",\"principal\":\"tg.officer\",\"level\":\"VIEW\",\"reason\":\"x\"}");
        assertThat(unclaimed.getStatusCode().value()).isEqualTo(422);
        assertThat(unclaimed.getBody().get("detail").asString()).contains("THIRTEEN_GROUP");
        // a user nobody has seen is not a recipient
        assertThat(api.post(share, pc, "{\"kind\":\"USER\",\"principal\":\"nobody.known\",\"organisation\":\"CLEVELAND_POLICE\","
                + "\"level\":\"VIEW\",\"reason\":\"x\"}").getStatusCode().value()).isEqualTo(422);
        // nor is a team claimed for another organisation
        assertThat(api.post(share, pc, "{\"kind\":\"TEAM\",\"principal\":\"THIRTEEN_TENANCY_ENFORCEMENT\","
                + "\"organisation\":\"CLEVELAND_POLICE\",\"level\":\"VIEW\",\"reason\":\"x\"}").getStatusCode().value())
                .isEqualTo(422);
        assertThat(accessOf(caseId, housing).getStatusCode().value()).isEqualTo(404);

        // a user under an agreement, with or without their (right) organisation stated
        var given = api.post(share, pc, "{\"kind\":\"USER\",\"principal\":\"jo.smith\",\"organisation\":\"STOCKTON_CST\","
                + "\"level\":\"VIEW\",\"reason\":\"MARAC\"}");
        assertThat(given.getStatusCode().value()).isEqualTo(201);
        assertThat(given.getBody().get("recipientOrganisation").asString()).isEqualTo("STOCKTON_CST");
    }
}
