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
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.casebridge.platform.test.TopicProbe;
import org.casebridge.sharing.requests.store.MongoCaseReferences;
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
    @Autowired
    MongoCaseReferences references;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String pc = DemoUsers.PC_ADAMS.token();
    private final String raj = DemoUsers.RAJ_PATEL.token();

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
            assertThat(asked.getStatusCode().value()).isEqualTo(202);
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
        assertThat(api.post("/api/v1/sharing/access-requests/" + id + "/approve", pc,
                "{\"expiresAt\":\"" + Instant.now().plus(400, ChronoUnit.DAYS) + "\"}").getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void askingTellsNothingOfWhetherACaseExistsAndOnlyARealCasePagesAnyone() throws Exception {
        String caseId = policeCase();
        String noCase = new ObjectId().toHexString();
        String sam = TestTokens.practitioner("sam.hart", "HARTLEPOOL_CST", "HARTLEPOOL_ASB");
        var api = ApiClient.onPort(port);
        try (TopicProbe sharing = new TopicProbe(Topics.SHARING)) {
            var real = api.post("/api/v1/sharing/access-requests", sam, "{\"caseId\":\"" + caseId + "\",\"reason\":\"r\"}");
            var none = api.post("/api/v1/sharing/access-requests", sam, "{\"caseId\":\"" + noCase + "\",\"reason\":\"r\"}");

            assertThat(real.getStatusCode().value()).isEqualTo(202);
            assertThat(none.getStatusCode().value()).isEqualTo(202);
            assertThat(withoutOwnValues(real.getBody())).isEqualTo(withoutOwnValues(none.getBody()));
            assertThat(real.getBody().get("status").asString()).isEqualTo("PENDING");
            assertThat(real.getBody().toString()).doesNotContain("CLEVELAND_POLICE").doesNotContain("ASB_PERSONAL");
            // asking again is the same 409 either way
            assertThat(api.post("/api/v1/sharing/access-requests", sam, "{\"caseId\":\"" + noCase + "\",\"reason\":\"r\"}")
                    .getStatusCode().value()).isEqualTo(409);
            assertThat(api.post("/api/v1/sharing/access-requests", sam, "{\"caseId\":\"" + caseId + "\",\"reason\":\"r\"}")
                    .getStatusCode().value()).isEqualTo(409);
            // and so is the requester's own list until the owner answers
            var mine = api.get("/api/v1/sharing/access-requests/mine", sam).getBody();
            assertThat(mine).hasSize(2);
            assertThat(withoutOwnValues(mine.get(0))).isEqualTo(withoutOwnValues(mine.get(1)));
            assertThat(mine.toString()).doesNotContain("CLEVELAND_POLICE").doesNotContain("ASB_PERSONAL");

            // the owner's supervisors are paged for the real case only
            String realId = real.getBody().get("id").asString();
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(sharing.about(realId)).hasSize(1));
            assertThat(sharing.about(none.getBody().get("id").asString())).isEmpty();
            assertThat(api.get("/api/v1/sharing/access-requests?status=PENDING", pc).getBody().findValuesAsString("caseId"))
                    .contains(caseId).doesNotContain(noCase);
        }
    }

    @Test
    void aUserWhoKeepsAskingIsToldToWait() {
        String busy = TestTokens.practitioner("busy.asker", "MIDDLESBROUGH_CST", "MIDDLESBROUGH_ASB");
        var api = ApiClient.onPort(port);
        for (int i = 0; i < 10; i++) {
            assertThat(api.post("/api/v1/sharing/access-requests", busy,
                    "{\"caseId\":\"" + new ObjectId().toHexString() + "\",\"reason\":\"fishing\"}").getStatusCode().value())
                    .isEqualTo(202);
        }
        var refused = api.post("/api/v1/sharing/access-requests", busy,
                "{\"caseId\":\"" + new ObjectId().toHexString() + "\",\"reason\":\"fishing\"}");

        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.getHeaders().getFirst("Retry-After"))).isBetween(1L, 3601L);
        assertThat(api.get("/api/v1/sharing/access-requests/mine", busy).getBody()).hasSize(10);
        // someone else is not held back by it
        assertThat(api.post("/api/v1/sharing/access-requests", raj,
                "{\"caseId\":\"" + new ObjectId().toHexString() + "\",\"reason\":\"x\"}").getStatusCode().value()).isEqualTo(202);
    }

    private final String sgt = TestTokens.token("sgt.baker", "CLEVELAND_POLICE", List.of("CP_STOCKTON_NPT"),
            List.of("PRACTITIONER", "SUPERVISOR"));
    private final String otherManager = TestTokens.token("sgt.hart", "HARTLEPOOL_CST", List.of("HARTLEPOOL_ASB"),
            List.of("PRACTITIONER", "SUPERVISOR", "ORG_ADMIN"));

    @Test
    void aReferenceIsAskedAboutLikeAnIdAndAnUnknownOneGetsTheSameAnswerAndReachesNobody() throws Exception {
        String reference = "ASB-2026-%06d".formatted(100000 + new java.util.Random().nextInt(800000));
        String caseId = new ObjectId().toHexString();
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, reference, "ASB_PERSONAL", false, "Police case by reference",
                "OPEN", "CLEVELAND_POLICE", "pc.adams", null, "pc.adams", Instant.now())));
        String asker = TestTokens.practitioner("ref.asker", "STOCKTON_CST", "STOCKTON_ASB");
        var api = ApiClient.onPort(port);
        try (TopicProbe sharing = new TopicProbe(Topics.SHARING)) {
            // the reference is learnt from case.opened
            await().atMost(ARRIVES).until(() -> api.get("/api/v1/sharing/cases/" + caseId + "/access", pc)
                    .getStatusCode().value() == 200);
            await().atMost(ARRIVES).until(() -> references.caseNamed(reference).isPresent());
            var real = api.post("/api/v1/sharing/access-requests", asker,
                    "{\"reference\":\"" + reference + "\",\"reason\":\"Our tenant is the victim\"}");
            assertThat(real.getStatusCode().value()).isEqualTo(202);
            var none = api.post("/api/v1/sharing/access-requests", asker,
                    "{\"reference\":\"ASB-1999-000001\",\"reason\":\"Our tenant is the victim\"}");

            assertThat(none.getStatusCode().value()).isEqualTo(202);
            assertThat(withoutOwnValues(real.getBody())).isEqualTo(withoutOwnValues(none.getBody()));
            assertThat(real.getBody().get("caseId").isNull()).isTrue();
            assertThat(real.getBody().toString()).doesNotContain(caseId).doesNotContain("CLEVELAND_POLICE");
            assertThat(api.post("/api/v1/sharing/access-requests", asker,
                    "{\"reference\":\"ASB-1999-000001\",\"reason\":\"again\"}").getStatusCode().value()).isEqualTo(409);
            assertThat(api.post("/api/v1/sharing/access-requests", asker,
                    "{\"reference\":\"" + reference + "\",\"reason\":\"again\"}").getStatusCode().value()).isEqualTo(409);
            assertThat(api.post("/api/v1/sharing/access-requests", asker, "{\"reference\":\"not a reference\",\"reason\":\"r\"}")
                    .getStatusCode().value()).isEqualTo(400);
            assertThat(api.post("/api/v1/sharing/access-requests", asker,
                    "{\"reference\":\"" + reference + "\",\"caseId\":\"" + caseId + "\",\"reason\":\"r\"}")
                    .getStatusCode().value()).isEqualTo(422);

            // the owner's managers see the real one with the reason and page nobody for the other
            String realId = real.getBody().get("id").asString();
            String noneId = none.getBody().get("id").asString();
            var toPolice = api.get("/api/v1/sharing/access-requests?status=PENDING", pc).getBody();
            assertThat(toPolice.findValuesAsString("id")).contains(realId).doesNotContain(noneId);
            assertThat(toPolice.toString()).contains("Our tenant is the victim");
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(sharing.about(realId)).hasSize(1));
            assertThat(sharing.about(noneId)).isEmpty();

            // a reference asked about before sharing-service learns it is matched to the case when it does
            String later = "ASB-2026-%06d".formatted(100000 + new java.util.Random().nextInt(800000));
            String laterCase = new ObjectId().toHexString();
            String early = api.post("/api/v1/sharing/access-requests", asker,
                    "{\"reference\":\"" + later + "\",\"reason\":\"Asked as soon as I was told\"}").getBody().get("id").asString();
            store.append(events.of(laterCase, 1L, new CaseOpened(laterCase, later, "ASB_PERSONAL", false, "Opened later",
                    "OPEN", "CLEVELAND_POLICE", "pc.adams", null, "pc.adams", Instant.now())));
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(api.get("/api/v1/sharing/access-requests?status=PENDING", pc)
                    .getBody().findValuesAsString("id")).contains(early));
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(sharing.about(early)).hasSize(1));

            // approved: the requester may now see the case, and is told which it is
            assertThat(api.post("/api/v1/sharing/access-requests/" + realId + "/approve", pc, "{}").getStatusCode().value())
                    .isEqualTo(200);
            assertThat(maySee(asker, caseId)).isTrue();
            var mine = api.get("/api/v1/sharing/access-requests/mine", asker).getBody();
            assertThat(mine).hasSize(3);
            for (var r : mine) {
                // the unknown reference still names nothing
                assertThat(r.get("caseId").isNull()).isEqualTo(!r.get("id").asString().equals(realId));
            }
            assertThat(mine.findValuesAsString("caseId")).contains(caseId);
        }
    }

    @Test
    void aPersonKnownElsewhereIsAskedAboutOfThatOrganisationWhoseManagersAloneAnswerWithWhomToContact() {
        String personId = new ObjectId().toHexString();
        String asker = TestTokens.practitioner("person.asker", "THIRTEEN_GROUP", "THIRTEEN_TENANCY_ENFORCEMENT");
        var api = ApiClient.onPort(port);
        String body = "{\"personId\":\"" + personId + "\",\"organisation\":\"CLEVELAND_POLICE\",\"reason\":\"Threats to a neighbour\"}";

        var asked = api.post("/api/v1/sharing/access-requests", asker, body);
        assertThat(asked.getStatusCode().value()).isEqualTo(202);
        assertThat(asked.getBody().get("subject").asString()).isEqualTo("PERSON");
        assertThat(api.post("/api/v1/sharing/access-requests", asker, body).getStatusCode().value()).isEqualTo(409);
        assertThat(api.post("/api/v1/sharing/access-requests", asker, "{\"personId\":\"" + personId
                + "\",\"organisation\":\"THIRTEEN_GROUP\",\"reason\":\"r\"}").getStatusCode().value()).isEqualTo(422);
        assertThat(api.post("/api/v1/sharing/access-requests", asker, "{\"personId\":\"" + personId
                + "\",\"reason\":\"r\"}").getStatusCode().value()).isEqualTo(422);
        String id = asked.getBody().get("id").asString();

        // that organisation's supervisors see it with the reason; its practitioners and a third organisation do not
        var toPolice = api.get("/api/v1/sharing/access-requests?status=PENDING", sgt).getBody();
        assertThat(toPolice.findValuesAsString("id")).contains(id);
        assertThat(toPolice.toString()).contains("Threats to a neighbour").contains(personId);
        assertThat(api.get("/api/v1/sharing/access-requests?status=PENDING", pc).getBody().findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(api.get("/api/v1/sharing/access-requests?status=PENDING", otherManager).getBody().findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(api.post("/api/v1/sharing/access-requests/" + id + "/approve", otherManager, "{}").getStatusCode().value())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/sharing/access-requests/" + id + "/approve", pc, "{}").getStatusCode().value())
                .isEqualTo(404);

        // before an answer the requester learns nothing but that it waits
        var waiting = api.get("/api/v1/sharing/access-requests/mine", asker).getBody().get(0);
        assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.get("contact").isNull()).isTrue();

        var approved = api.post("/api/v1/sharing/access-requests/" + id + "/approve", sgt,
                "{\"message\":\"Ring the Stockton neighbourhood team on 01642 000000\"}");
        assertThat(approved.getStatusCode().value()).isEqualTo(200);
        var answer = api.get("/api/v1/sharing/access-requests/mine", asker).getBody().get(0);
        assertThat(answer.get("status").asString()).isEqualTo("APPROVED");
        assertThat(answer.get("contact").asString()).isEqualTo("sgt.baker");
        assertThat(answer.get("ownerOrganisation").asString()).isEqualTo("CLEVELAND_POLICE");
        assertThat(answer.get("message").asString()).contains("01642 000000");
        assertThat(api.post("/api/v1/sharing/access-requests/" + id + "/decline", sgt, "{\"reason\":\"no\"}")
                .getStatusCode().value()).isEqualTo(409);
    }

    /** The answer less what differs between any two requests (id, time, the id asked about). */
    private static tools.jackson.databind.JsonNode withoutOwnValues(tools.jackson.databind.JsonNode answer) {
        var copy = (tools.jackson.databind.node.ObjectNode) answer.deepCopy();
        copy.remove("id");
        copy.remove("requestedAt");
        copy.remove("caseId");
        copy.remove("reference");
        return copy;
    }
}
