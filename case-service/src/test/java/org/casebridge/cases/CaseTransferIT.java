package org.casebridge.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bson.types.ObjectId;
import org.casebridge.contracts.party.LocationRegistered;
import org.casebridge.contracts.party.LocationUpdated;
import org.casebridge.contracts.party.PersonsMerged;
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
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/** Lead-agency transfer, person merges from party-service and the partnership's counts. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseTransferIT {

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String tom = TestTokens.practitioner("tom.reid", "THIRTEEN_GROUP", "THIRTEEN_TENANCY_ENFORCEMENT");
    private final String police = DemoUsers.PC_ADAMS.token();

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, String ifMatch, String body) {
        return ApiClient.onPort(port).call(method, path, token, ifMatch, body);
    }

    private String open(String token, String title) {
        return call(HttpMethod.POST, "/api/v1/cases", token, null, "{\"type\":\"ASB_PERSONAL\",\"title\":\"" + title + "\"}")
                .getBody().get("id").asString();
    }

    @Test
    void theOfferedOrganisationAcceptsTheLeadAndOwnsTheCase() {
        String id = open(jo, "Tenant harassing neighbours");
        assertThat(call(HttpMethod.GET, "/api/v1/cases/" + id, tom, null, null).getStatusCode().value()).isEqualTo(404);
        assertThat(call(HttpMethod.POST, "/api/v1/cases/" + id + "/transfer", jo, "\"1\"",
                "{\"toOrganisation\":\"THIRTEEN_GROUP\"}").getStatusCode().value()).isEqualTo(400);

        var offered = call(HttpMethod.POST, "/api/v1/cases/" + id + "/transfer", jo, "\"1\"",
                "{\"toOrganisation\":\"THIRTEEN_GROUP\",\"reason\":\"Breach of tenancy is now the main route\"}");
        assertThat(offered.getStatusCode().value()).isEqualTo(200);

        assertThat(call(HttpMethod.GET, "/api/v1/cases/transfers/incoming", tom, null, null).getBody()
                .findValuesAsString("id")).contains(id);
        assertThat(call(HttpMethod.GET, "/api/v1/cases/transfers/incoming", police, null, null).getBody()
                .findValuesAsString("id")).doesNotContain(id);
        assertThat(call(HttpMethod.POST, "/api/v1/cases/" + id + "/transfer/accept", police, null, null).getStatusCode().value())
                .isEqualTo(404);

        var accepted = call(HttpMethod.POST, "/api/v1/cases/" + id + "/transfer/accept", tom, null, null);
        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(accepted.getBody().get("ownerOrganisation").asString()).isEqualTo("THIRTEEN_GROUP");
        assertThat(accepted.getBody().get("leadOfficer").asString()).isEqualTo("tom.reid");

        String etag = call(HttpMethod.GET, "/api/v1/cases/" + id, tom, null, null).getHeaders().getETag();
        assertThat(call(HttpMethod.POST, "/api/v1/cases/" + id + "/review", tom, etag, null).getStatusCode().value()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/v1/cases/" + id, jo, null, null).getStatusCode().value()).isEqualTo(200);
        assertThat(call(HttpMethod.POST, "/api/v1/cases/" + id + "/transfer", jo, null,
                "{\"toOrganisation\":\"CLEVELAND_POLICE\",\"reason\":\"x\"}").getStatusCode().value()).isEqualTo(428);
    }

    @Test
    void anOfferCanBeDeclined() {
        String id = open(jo, "Offered then declined");
        call(HttpMethod.POST, "/api/v1/cases/" + id + "/transfer", jo, "\"1\"",
                "{\"toOrganisation\":\"CLEVELAND_POLICE\",\"reason\":\"Looks criminal\"}");
        // the owner's case says to whom the lead is offered, and why, until it is answered
        JsonNode offer = call(HttpMethod.GET, "/api/v1/cases/" + id, jo, null, null).getBody().get("transferOffer");
        assertThat(offer.get("toOrganisation").asString()).isEqualTo("CLEVELAND_POLICE");
        assertThat(offer.get("reason").asString()).isEqualTo("Looks criminal");
        assertThat(offer.get("offeredBy").asString()).isEqualTo("jo.smith");
        assertThat(call(HttpMethod.POST, "/api/v1/cases/" + id + "/transfer/decline", police, null,
                "{\"reason\":\"No crime disclosed\"}").getStatusCode().value()).isEqualTo(204);
        assertThat(call(HttpMethod.GET, "/api/v1/cases/transfers/incoming", police, null, null).getBody()
                .findValuesAsString("id")).doesNotContain(id);
        JsonNode declined = call(HttpMethod.GET, "/api/v1/cases/" + id, jo, null, null).getBody();
        assertThat(declined.get("ownerOrganisation").asString()).isEqualTo("STOCKTON_CST");
        assertThat(declined.path("transferOffer").isNull() || declined.path("transferOffer").isMissingNode()).isTrue();
    }

    @Test
    void aTokenWithoutAnOrganisationSeesNoIncomingTransfersButIs401() {
        open(jo, "Not offered to anyone");

        for (String nobody : new String[] {TestTokens.withoutOrganisation("no.org"),
                TestTokens.token("blank.org", " ", java.util.List.of(), java.util.List.of("PRACTITIONER"))}) {
            var incoming = call(HttpMethod.GET, "/api/v1/cases/transfers/incoming", nobody, null, null);
            assertThat(incoming.getStatusCode().value()).isEqualTo(401);
            assertThat(incoming.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(incoming.getBody().toString()).doesNotContain("Not offered to anyone");
        }
    }

    @Test
    void linksFollowTwoPersonRecordsMergedInPartyService() {
        String id = open(jo, "Victim recorded twice");
        String survivor = new ObjectId().toHexString();
        String duplicate = PartyServiceStandIn.person("STOCKTON_CST");
        call(HttpMethod.POST, "/api/v1/cases/" + id + "/links", jo, null,
                "{\"target\":\"PERSON\",\"targetId\":\"" + duplicate + "\",\"role\":\"VICTIM\"}");

        store.append(events.of(survivor, 3L, new PersonsMerged(survivor, duplicate, "jo.smith", "STOCKTON_CST", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                call(HttpMethod.GET, "/api/v1/cases?person=" + survivor, jo, null, null).getBody().get("items")
                        .findValuesAsString("id")).containsExactly(id));
        assertThat(call(HttpMethod.GET, "/api/v1/cases?person=" + duplicate, jo, null, null).getBody().get("total").asLong())
                .isZero();
    }

    @Test
    void casesAreFoundByThePostcodeOrDistrictOfTheirLocations() {
        String park = PartyServiceStandIn.location();
        String shop = PartyServiceStandIn.location();
        String inPark = open(jo, "Fires in the park");
        String atShop = open(jo, "Youths outside the shop");
        call(HttpMethod.POST, "/api/v1/cases/" + inPark + "/links", jo, null,
                "{\"target\":\"LOCATION\",\"targetId\":\"" + park + "\",\"role\":\"INCIDENT_LOCATION\"}");
        call(HttpMethod.POST, "/api/v1/cases/" + atShop + "/links", jo, null,
                "{\"target\":\"LOCATION\",\"targetId\":\"" + shop + "\",\"role\":\"INCIDENT_LOCATION\"}");

        store.append(events.of(park, 1L, new LocationRegistered(park, "PARK", "TS19 8AA", null, null, null, false,
                "jo.smith", "STOCKTON_CST", Instant.now())));
        store.append(events.of(shop, 1L, new LocationRegistered(shop, "SHOP", "TS18 1AB", null, null, null, false,
                "jo.smith", "STOCKTON_CST", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                call(HttpMethod.GET, "/api/v1/cases?postcode=ts181ab", jo, null, null).getBody().get("items")
                        .findValuesAsString("id")).containsExactly(atShop));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                call(HttpMethod.GET, "/api/v1/cases?postcode=TS19", jo, null, null).getBody().get("items")
                        .findValuesAsString("id")).containsExactly(inPark));
        // the shop moves district: the case follows its location
        store.append(events.of(shop, 2L, new LocationUpdated(shop, "SHOP", "TS19 8AB", null, null, null, true,
                "jo.smith", "STOCKTON_CST", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                call(HttpMethod.GET, "/api/v1/cases?postcode=TS19", jo, null, null).getBody().get("items")
                        .findValuesAsString("id")).containsExactlyInAnyOrder(inPark, atShop));
        assertThat(call(HttpMethod.GET, "/api/v1/cases?postcode=TS1", police, null, null).getBody().get("total").asLong())
                .isZero();
        assertThat(call(HttpMethod.GET, "/api/v1/cases?postcode=not-a-postcode", jo, null, null).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void aPartnersTaskUpdatesAndOutcomeAppearOnTheCaseLog() {
        String id = open(jo, "Youths gathering at the precinct");
        var task = new org.casebridge.contracts.task.TaskSummary(new ObjectId().toHexString(), id, "CASE", id,
                "Patrol the precinct", "HIGH", null,
                new org.casebridge.contracts.task.TaskSummary.Assignee("USER", "pc.adams", "CLEVELAND_POLICE"),
                "IN_PROGRESS", "jo.smith", "STOCKTON_CST");
        store.append(events.of(task.taskId(), 4L, new org.casebridge.contracts.task.TaskUpdated(task,
                "Patrolled Friday, group dispersed", "pc.adams", "CLEVELAND_POLICE", Instant.now())));
        var done = events.of(task.taskId(), 5L, new org.casebridge.contracts.task.TaskCompleted(task,
                "Two warnings given", "pc.adams", "CLEVELAND_POLICE", Instant.now()));
        store.append(done);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                call(HttpMethod.GET, "/api/v1/cases/" + id + "/log", jo, null, null).getBody().findValuesAsString("text"))
                .containsExactly("Task \"Patrol the precinct\", update: Patrolled Friday, group dispersed",
                        "Task \"Patrol the precinct\" done: Two warnings given"));
        JsonNode entry = call(HttpMethod.GET, "/api/v1/cases/" + id + "/log", jo, null, null).getBody().get(1);
        assertThat(entry.get("kind").asString()).isEqualTo("PARTNER_UPDATE");
        assertThat(entry.get("organisation").asString()).isEqualTo("CLEVELAND_POLICE");
    }

    @Test
    void supervisorsAndAnalystsGetCountsWithoutPersonalData() {
        open(jo, "Counted case");
        String analyst = DemoUsers.ANALYST_TEES.token();
        Instant from = Instant.now().minus(1, ChronoUnit.DAYS);
        Instant to = Instant.now().plus(1, ChronoUnit.DAYS);

        var counts = call(HttpMethod.GET, "/api/v1/cases/reports/counts?from=" + from + "&to=" + to, analyst, null, null);
        assertThat(counts.getStatusCode().value()).isEqualTo(200);
        JsonNode stockton = null;
        for (JsonNode row : counts.getBody().get("rows")) {
            if (row.get("organisation").asString().equals("STOCKTON_CST") && row.get("type").asString().equals("ASB_PERSONAL")) {
                stockton = row;
            }
        }
        assertThat(stockton).isNotNull();
        assertThat(stockton.get("opened").asLong()).isPositive();
        assertThat(counts.getBody().toString()).doesNotContain("Counted case").doesNotContain("jo.smith");
        assertThat(call(HttpMethod.GET, "/api/v1/cases/reports/counts?from=" + from + "&to=" + to, jo, null, null)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/api/v1/cases/reports/counts?from=" + to + "&to=" + from, analyst, null, null)
                .getStatusCode().value()).isEqualTo(422);
    }
}
