package org.casebridge.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

import org.bson.types.ObjectId;
import org.casebridge.cases.domain.RiskMatrix;
import org.casebridge.contracts.Topics;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/** Links, risk, interventions, the ASB Case Review trigger and finding cases, on real infrastructure. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseDetailsIT {

    @LocalServerPort
    int port;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String police = DemoUsers.PC_ADAMS.token();
    private final String housing = TestTokens.practitioner("kate.moss", "THIRTEEN_GROUP", "THIRTEEN_TENANCY_ENFORCEMENT");

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, String ifMatch, String body) {
        return ApiClient.onPort(port).call(method, path, token, ifMatch, body);
    }

    private String open(String token, String body) {
        return call(HttpMethod.POST, "/api/v1/cases", token, null, body).getBody().get("id").asString();
    }

    private ResponseEntity<JsonNode> linkPerson(String token, String caseId, String personId, String role) {
        return call(HttpMethod.POST, "/api/v1/cases/" + caseId + "/links", token, null,
                "{\"target\":\"PERSON\",\"targetId\":\"" + personId + "\",\"role\":\"" + role + "\"}");
    }

    @Test
    void peopleAreLinkedOncePerRoleAndCasesAreFoundByPerson() {
        String id = open(jo, "{\"type\":\"ASB_PERSONAL\",\"title\":\"Threats on the stairwell\"}");
        String victim = PartyServiceStandIn.person("STOCKTON_CST");

        assertThat(linkPerson(jo, id, victim, "VICTIM").getStatusCode().value()).isEqualTo(201);
        var again = linkPerson(jo, id, victim, "VICTIM");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("detail").asString()).contains("already linked");
        assertThat(linkPerson(jo, id, victim, "WITNESS").getStatusCode().value()).isEqualTo(201);
        assertThat(linkPerson(jo, id, victim, "LANDLORD").getStatusCode().value()).isEqualTo(422);
        assertThat(call(HttpMethod.POST, "/api/v1/cases/" + id + "/links", jo, null,
                "{\"target\":\"LOCATION\",\"targetId\":\"" + PartyServiceStandIn.location() + "\",\"role\":\"INCIDENT_LOCATION\"}")
                .getStatusCode().value()).isEqualTo(201);
        String other = open(jo, "{\"type\":\"ASB_PERSONAL\",\"title\":\"Related\"}");
        assertThat(call(HttpMethod.POST, "/api/v1/cases/" + id + "/links", jo, null,
                "{\"target\":\"CASE\",\"targetId\":\"" + other + "\"}").getStatusCode().value()).isEqualTo(201);
        String policeCase = open(police, "{\"type\":\"OTHER\",\"title\":\"Police only\"}");
        assertThat(call(HttpMethod.POST, "/api/v1/cases/" + id + "/links", jo, null,
                "{\"target\":\"CASE\",\"targetId\":\"" + policeCase + "\"}").getStatusCode().value()).isEqualTo(404);

        assertThat(call(HttpMethod.DELETE, "/api/v1/cases/" + id + "/links/PERSON/" + victim + "?role=WITNESS", jo, null, null)
                .getStatusCode().value()).isEqualTo(204);
        JsonNode details = call(HttpMethod.GET, "/api/v1/cases/" + id + "/details", jo, null, null).getBody();
        assertThat(details.get("links").findValuesAsString("role")).containsExactlyInAnyOrder("VICTIM", "INCIDENT_LOCATION", "RELATED");

        JsonNode found = call(HttpMethod.GET, "/api/v1/cases?person=" + victim, jo, null, null).getBody();
        assertThat(found.get("items").findValuesAsString("id")).containsExactly(id);
        assertThat(call(HttpMethod.GET, "/api/v1/cases?person=" + victim, police, null, null).getBody().get("total").asLong())
                .isZero();
        assertThat(linkPerson(police, id, victim, "OTHER").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void onlyAPersonOrLocationTheCallerMaySeeCanBeLinkedAndAnUnseenOneIsAsIfItDidNotExist() {
        String hartlepool = TestTokens.practitioner("amy.hart", "HARTLEPOOL_CST", "HARTLEPOOL_ASB");
        String victim = PartyServiceStandIn.person("THIRTEEN_GROUP"); // Thirteen Group registered them
        String ours = open(hartlepool, "{\"type\":\"ASB_PERSONAL\",\"title\":\"Hartlepool's own case\"}");

        var unseen = linkPerson(hartlepool, ours, victim, "VICTIM");
        var missing = linkPerson(hartlepool, ours, new ObjectId().toHexString(), "VICTIM");
        assertThat(unseen.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(unseen.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(unseen.getBody().get("title").asString()).isEqualTo(missing.getBody().get("title").asString());
        assertThat(PartyServiceStandIn.bearers()).contains(hartlepool);
        assertThat(call(HttpMethod.POST, "/api/v1/cases/" + ours + "/links", hartlepool, null,
                "{\"target\":\"LOCATION\",\"targetId\":\"" + new ObjectId() + "\",\"role\":\"INCIDENT_LOCATION\"}")
                .getStatusCode().value()).isEqualTo(404);

        JsonNode details = call(HttpMethod.GET, "/api/v1/cases/" + ours + "/details", hartlepool, null, null).getBody();
        assertThat(details.get("links")).isEmpty();
        // Thirteen Group may link the person they registered
        String theirs = open(housing, "{\"type\":\"ASB_PERSONAL\",\"title\":\"Thirteen's case\"}");
        assertThat(linkPerson(housing, theirs, victim, "VICTIM").getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void whenPartyServiceCannotSayNothingIsLinkedAnd503SaysRetry() {
        String victim = PartyServiceStandIn.person("STOCKTON_CST");
        String id = open(jo, "{\"type\":\"ASB_PERSONAL\",\"title\":\"Linked while party-service is down\"}");
        PartyServiceStandIn.down(true);
        try {
            var refused = linkPerson(jo, id, victim, "VICTIM");
            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        } finally {
            PartyServiceStandIn.down(false);
        }
        assertThat(call(HttpMethod.GET, "/api/v1/cases/" + id + "/details", jo, null, null).getBody().get("links")).isEmpty();
        assertThat(linkPerson(jo, id, victim, "VICTIM").getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aHighRiskAssessmentFlagsTheCaseOnLists() {
        JsonNode matrix = call(HttpMethod.GET, "/api/v1/cases/risk-matrix", jo, null, null).getBody();
        assertThat(matrix).hasSize(RiskMatrix.QUESTIONS.size());
        String id = open(jo, "{\"type\":\"HATE_INCIDENT\",\"title\":\"Racist abuse at the corner shop\"}");
        String answers = RiskMatrix.QUESTIONS.stream().map(q -> "\"" + q.code() + "\":" + (q.code().equals("HARM") ? 3 : 1))
                .collect(Collectors.joining(",", "{\"answers\":{", "}}"));

        var assessed = call(HttpMethod.POST, "/api/v1/cases/" + id + "/risk-assessments", jo, null, answers);
        assertThat(assessed.getStatusCode().value()).isEqualTo(201);
        assertThat(assessed.getBody().get("band").asString()).isEqualTo("HIGH");
        assertThat(call(HttpMethod.POST, "/api/v1/cases/" + id + "/risk-assessments", jo, null, "{\"answers\":{\"HARM\":9}}")
                .getStatusCode().value()).isEqualTo(422);

        JsonNode high = call(HttpMethod.GET, "/api/v1/cases?riskBand=HIGH&limit=100", jo, null, null).getBody();
        assertThat(high.get("items").findValuesAsString("id")).contains(id);
        JsonNode item = call(HttpMethod.GET, "/api/v1/cases/" + id, jo, null, null).getBody();
        assertThat(item.get("highRisk").asBoolean()).isTrue();
    }

    @Test
    void interventionsAreRecordedAndMovedOn() {
        String id = open(jo, "{\"type\":\"ASB_NUISANCE\",\"title\":\"Loud parties every weekend\"}");
        var recorded = call(HttpMethod.POST, "/api/v1/cases/" + id + "/interventions", jo, null,
                "{\"type\":\"COMMUNITY_PROTECTION_WARNING\",\"status\":\"ISSUED\",\"startDate\":\"2026-05-01\"}");
        assertThat(recorded.getStatusCode().value()).isEqualTo(201);
        String interventionId = recorded.getBody().get("id").asString();
        String etag = recorded.getHeaders().getETag();

        assertThat(call(HttpMethod.PATCH, "/api/v1/cases/" + id + "/interventions/" + interventionId, jo, null,
                "{\"status\":\"BREACHED\"}").getStatusCode().value()).isEqualTo(428);
        var breached = call(HttpMethod.PATCH, "/api/v1/cases/" + id + "/interventions/" + interventionId, jo, etag,
                "{\"status\":\"BREACHED\"}");
        assertThat(breached.getBody().get("status").asString()).isEqualTo("BREACHED");
        assertThat(call(HttpMethod.POST, "/api/v1/cases/" + id + "/interventions", jo, null,
                "{\"type\":\"ASBO\",\"status\":\"ISSUED\"}").getStatusCode().value()).isEqualTo(400);
        assertThat(call(HttpMethod.POST, "/api/v1/cases/" + id + "/interventions", jo, null,
                "{\"type\":\"CIVIL_INJUNCTION\",\"status\":\"IN_FORCE\",\"startDate\":\"2026-05-01\",\"endDate\":\"2026-01-01\"}")
                .getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void aVictimsThirdComplaintToAnyAgencyOffersTheCaseReview() throws Exception {
        String victim = PartyServiceStandIn.person("STOCKTON_CST", "CLEVELAND_POLICE", "THIRTEEN_GROUP");
        String first = open(jo, "{\"type\":\"ASB_PERSONAL\",\"title\":\"Complaint one to the council\"}");
        String second = open(police, "{\"type\":\"ASB_PERSONAL\",\"title\":\"Complaint two to the police\"}");
        String third = open(housing, "{\"type\":\"ASB_PERSONAL\",\"title\":\"Complaint three to the landlord\"}");
        try (TopicProbe caseTopic = new TopicProbe(Topics.CASE)) {
            linkPerson(jo, first, victim, "VICTIM");
            linkPerson(police, second, victim, "COMPLAINANT");
            assertThat(call(HttpMethod.GET, "/api/v1/cases?caseReviewDue=true&limit=100", police, null, null).getBody()
                    .get("items").findValuesAsString("id")).doesNotContain(second);

            linkPerson(housing, third, victim, "VICTIM");

            JsonNode details = call(HttpMethod.GET, "/api/v1/cases/" + third + "/details", housing, null, null).getBody();
            assertThat(details.get("caseReviewFlags").get(0).get("complaints").asLong()).isEqualTo(3);
            assertThat(call(HttpMethod.GET, "/api/v1/cases?caseReviewDue=true&limit=100", housing, null, null).getBody()
                    .get("items").findValuesAsString("id")).containsExactly(third);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(caseTopic.about(third))
                    .extracting(r -> TopicProbe.header(r, "ce_type")).contains("casebridge.case.case-review-threshold-met.v1"));
        }
    }

    @Test
    void practitionersFindCasesByWordsTypeStatusAndOverdueReview() {
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String overdue = open(jo, "{\"type\":\"FIRE_SETTING\",\"title\":\"Wheelie bins burnt on Zetland Crescent\",\"nextReviewDate\":\""
                + yesterday + "\"}");
        String notDue = open(jo, "{\"type\":\"FIRE_SETTING\",\"title\":\"Garage fire on Zetland Road\",\"nextReviewDate\":\"2099-01-01\"}");

        assertThat(call(HttpMethod.GET, "/api/v1/cases?q=zetland BINS", jo, null, null).getBody().get("items")
                .findValuesAsString("id")).containsExactly(overdue);
        assertThat(call(HttpMethod.GET, "/api/v1/cases?q=zetland&type=FIRE_SETTING&status=OPEN", jo, null, null).getBody()
                .get("total").asLong()).isEqualTo(2);
        assertThat(call(HttpMethod.GET, "/api/v1/cases?q=zetland", police, null, null).getBody().get("total").asLong()).isZero();
        assertThat(call(HttpMethod.GET, "/api/v1/cases/reviews/overdue?limit=100", jo, null, null).getBody().get("items")
                .findValuesAsString("id")).contains(overdue).doesNotContain(notDue);
        assertThat(call(HttpMethod.GET, "/api/v1/cases?status=NOT_A_STATUS", jo, null, null).getStatusCode().value()).isEqualTo(400);
    }
}
