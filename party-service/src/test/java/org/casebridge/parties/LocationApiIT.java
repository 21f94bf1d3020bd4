package org.casebridge.parties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.types.ObjectId;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.contracts.cases.CasePartyLinked;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocationApiIT {

    private static TopicProbe partyTopic;

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;
    @Autowired
    JsonMapper json;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String police = DemoUsers.PC_ADAMS.token();
    private final String hartlepool = TestTokens.practitioner("mark.turner", "HARTLEPOOL_CST", "HARTLEPOOL_ASB");
    private final String crisis = DemoUsers.NINA_FORD.token();

    @BeforeAll
    static void probe() {
        partyTopic = new TopicProbe(Topics.PARTY);
    }

    @AfterAll
    static void close() throws InterruptedException {
        partyTopic.close();
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, String ifMatch, String body) {
        return ApiClient.onPort(port).call(method, path, token, ifMatch, body);
    }

    private String register(String body) {
        var created = call(HttpMethod.POST, "/api/v1/parties/locations", jo, null, body);
        assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
        return created.getBody().get("id").asString();
    }

    @Test
    void placesAreFoundByPostcodeDistrictStreetAndDistance() {
        // Ropner Park, Stockton, and a shop about 1.2 km away; a park in Middlesbrough about 5 km away
        String park = register("{\"name\":\"Ropner Park\",\"addressLines\":[\"Hartburn Avenue\"],\"postcode\":\"ts18 4ad\","
                + "\"latitude\":54.5560,\"longitude\":-1.3354,\"type\":\"PARK\"}");
        String shop = register("{\"addressLines\":[\"12 Yarm Lane\",\"Stockton-on-Tees\"],\"postcode\":\"TS18 3DR\","
                + "\"latitude\":54.5620,\"longitude\":-1.3190,\"type\":\"SHOP\",\"uprn\":\"100110123456\"}");
        String albert = register("{\"name\":\"Albert Park\",\"addressLines\":[\"Linthorpe Road\"],\"postcode\":\"TS1 3LB\","
                + "\"latitude\":54.5606,\"longitude\":-1.2386,\"type\":\"PARK\"}");

        assertThat(call(HttpMethod.GET, "/api/v1/parties/locations/" + park, police, null, null).getBody()
                .get("postcode").asString()).isEqualTo("TS18 4AD");
        assertThat(ids("postcode=TS184AD")).containsExactly(park);
        assertThat(ids("postcode=TS18&limit=100")).contains(park, shop).doesNotContain(albert);
        assertThat(ids("postcode=TS1&limit=100")).contains(albert).doesNotContain(park, shop);
        assertThat(ids("street=yarm+lane&limit=100")).contains(shop).doesNotContain(park);
        assertThat(ids("near=54.5560,-1.3354&radiusMetres=1500&limit=100")).contains(park, shop).doesNotContain(albert);
        assertThat(ids("near=54.5560,-1.3354&radiusMetres=500&limit=100")).contains(park).doesNotContain(shop, albert);
    }

    private java.util.List<String> ids(String query) {
        var found = call(HttpMethod.GET, "/api/v1/parties/locations?" + query, jo, null, null);
        assertThat(found.getStatusCode().value()).as(found.toString()).isEqualTo(200);
        return found.getBody().get("items").findValuesAsString("id");
    }

    @Test
    void aLocationOfConcernHasReasonsAndAReviewDateAndIsAnnounced() {
        String estate = register("{\"name\":\"Hardwick Estate shops\",\"postcode\":\"TS19 8DE\",\"type\":\"ESTATE\"}");
        String path = "/api/v1/parties/locations/" + estate + "/concern";
        String review = LocalDate.now().plusMonths(3).toString();

        assertThat(call(HttpMethod.PUT, path, jo, null, "{\"reasons\":[\"Drug dealing\"],\"reviewDate\":\"" + review + "\"}")
                .getStatusCode().value()).isEqualTo(428);
        var noReason = call(HttpMethod.PUT, path, jo, "\"1\"", "{\"reasons\":[],\"reviewDate\":\"" + review + "\"}");
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(call(HttpMethod.PUT, path, jo, "\"1\"", "{\"reasons\":[\"Drug dealing\"],\"reviewDate\":\"2020-01-01\"}")
                .getStatusCode().value()).isEqualTo(422);

        var marked = call(HttpMethod.PUT, path, jo, "\"1\"",
                "{\"reasons\":[\"Drug dealing\",\"Fires\"],\"reviewDate\":\"" + review + "\"}");
        assertThat(marked.getStatusCode().value()).isEqualTo(200);
        assertThat(marked.getBody().get("concern").get("reasons").toString()).contains("Drug dealing", "Fires");
        assertThat(marked.getBody().get("concern").get("setBy").asString()).isEqualTo("jo.smith");
        assertThat(call(HttpMethod.GET, "/api/v1/parties/locations?concern=true&postcode=TS19&limit=100", jo, null, null)
                .getBody().get("items").findValuesAsString("id")).contains(estate);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(partyTopic.about(estate).stream()
                .map(r -> TopicProbe.header(r, "ce_type"))).containsExactly("casebridge.party.location-registered.v1",
                        "casebridge.party.location-updated.v1"));
        assertThat(TopicProbe.body(partyTopic.about(estate).get(1))).contains("\"concern\":true");

        assertThat(call(HttpMethod.DELETE, path, jo, "\"2\"", null).getStatusCode().value()).isEqualTo(200);
        assertThat(call(HttpMethod.DELETE, path, jo, "\"3\"", null).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void badPlacesAreRefusedWithAProblem() {
        var noType = call(HttpMethod.POST, "/api/v1/parties/locations", jo, null, "{\"name\":\"Somewhere\"}");
        assertThat(noType.getStatusCode().value()).isEqualTo(400);
        assertThat(noType.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(call(HttpMethod.POST, "/api/v1/parties/locations", jo, null,
                "{\"name\":\"Somewhere\",\"type\":\"PARK\",\"postcode\":\"XX1\"}").getStatusCode().value()).isEqualTo(422);
        assertThat(call(HttpMethod.POST, "/api/v1/parties/locations", jo, null,
                "{\"name\":\"Somewhere\",\"type\":\"PARK\",\"latitude\":95,\"longitude\":0}").getStatusCode().value()).isEqualTo(422);
        assertThat(call(HttpMethod.POST, "/api/v1/parties/locations", jo, null,
                "{\"name\":\"Somewhere\",\"type\":\"CASTLE\"}").getStatusCode().value()).isEqualTo(400);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/locations?near=north", jo, null, null).getStatusCode().value())
                .isEqualTo(400);
    }

    private String register(String token, String body) {
        var created = call(HttpMethod.POST, "/api/v1/parties/locations", token, null, body);
        assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
        return created.getBody().get("id").asString();
    }

    /**
     * What case-service and sharing-service would publish: a case owned by {@code owner}, seen also by
     * {@code alsoSeenBy}, to which {@code linkedBy} links the place.
     */
    private String caseLinkingPlace(String locationId, String owner, String linkedBy, List<String> alsoSeenBy) {
        String caseId = new ObjectId().toHexString();
        List<Grant> grants = new ArrayList<>(List.of(new Grant(PrincipalKind.ORGANISATION, owner, AccessLevel.MANAGE, null)));
        alsoSeenBy.forEach(org -> grants.add(new Grant(PrincipalKind.ORGANISATION, org, AccessLevel.VIEW, null)));
        store.append(events.of(caseId, 1L, new CaseAccessChanged(caseId, "ASB_PERSONAL", owner, false, grants, Instant.now())));
        linkPlace(caseId, 2L, locationId, linkedBy);
        return caseId;
    }

    private void linkPlace(String caseId, long version, String locationId, String organisation) {
        store.append(events.of(caseId, version, new CasePartyLinked(caseId, "ASB-2026-" + caseId.substring(18),
                "ASB_PERSONAL", "LOCATION", locationId, "LOCATION_OF_CONCERN", "someone", organisation, Instant.now())));
    }

    private static void assertForbidden(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void onlyThoseWhoLookAfterAPlaceChangeItOrReadWhyItIsOfConcernAndEachIsAudited() throws InterruptedException {
        try (TopicProbe audit = new TopicProbe(Topics.AUDIT)) {
            String flats = register(jo, "{\"name\":\"Parkfield flats\",\"postcode\":\"TS18 3JA\",\"type\":\"FLAT_BLOCK\"}");
            String path = "/api/v1/parties/locations/" + flats;
            String review = LocalDate.now().plusMonths(2).toString();
            assertThat(call(HttpMethod.PUT, path + "/concern", jo, "\"1\"", "{\"reasons\":[\"Threats to the tenant at "
                    + "number 4\"],\"reviewDate\":\"" + review + "\"}").getStatusCode().value()).isEqualTo(200);

            // the police see the place and that it is of concern, not why
            var seen = call(HttpMethod.GET, path, police, null, null);
            assertThat(seen.getStatusCode().value()).isEqualTo(200);
            assertThat(seen.getBody().get("concernReasonsWithheld").asBoolean()).isTrue();
            assertThat(seen.getBody().get("concern").get("reasons")).isEmpty();
            assertThat(seen.getBody().get("concern").get("reviewDate").asString()).isEqualTo(review);
            assertThat(seen.getBody().toString()).doesNotContain("Threats");
            assertThat(call(HttpMethod.GET, "/api/v1/parties/locations?concern=true&postcode=TS18&limit=100", police, null,
                    null).getBody().toString()).doesNotContain("Threats");
            assertThat(call(HttpMethod.GET, "/api/v1/parties/locations?concern=true&postcode=TS18&limit=100", jo, null,
                    null).getBody().toString()).contains("Threats");
            var jos = call(HttpMethod.GET, path, jo, null, null).getBody();
            assertThat(jos.get("concernReasonsWithheld").asBoolean()).isFalse();
            assertThat(jos.get("concern").get("reasons").toString()).contains("Threats");

            // ... and may not change it: not its address, not its concern
            assertForbidden(call(HttpMethod.PUT, path, police, "\"2\"",
                    "{\"name\":\"Somewhere else\",\"postcode\":\"TS1 1AA\",\"type\":\"STREET\"}"));
            assertForbidden(call(HttpMethod.PUT, path + "/concern", police, "\"2\"",
                    "{\"reasons\":[\"Nothing\"],\"reviewDate\":\"" + review + "\"}"));
            assertForbidden(call(HttpMethod.DELETE, path + "/concern", police, "\"2\"", null));
            var unchanged = call(HttpMethod.GET, path, jo, null, null).getBody();
            assertThat(unchanged.get("version").asLong()).isEqualTo(2);
            assertThat(unchanged.get("name").asString()).isEqualTo("Parkfield flats");
            assertThat(unchanged.get("concern").isNull()).isFalse();

            // once the place is on a Stockton case shared with the police, they look after it too
            String caseId = caseLinkingPlace(flats, "STOCKTON_CST", "STOCKTON_CST", List.of("CLEVELAND_POLICE"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(HttpMethod.GET, path, police, null,
                    null).getBody().get("concern").get("reasons").toString()).contains("Threats"));
            var corrected = call(HttpMethod.PUT, path, police, "\"2\"",
                    "{\"name\":\"Parkfield flats, block B\",\"postcode\":\"TS18 3JA\",\"type\":\"FLAT_BLOCK\"}");
            assertThat(corrected.getStatusCode().value()).isEqualTo(200);
            assertThat(corrected.getHeaders().getETag()).isEqualTo("\"3\"");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<JsonNode> trail = audit.about(flats).stream().map(r -> json.readTree(r.value())).toList();
                assertThat(trail).anySatisfy(r -> {
                    assertThat(r.get("action").asString()).isEqualTo("UPDATE");
                    assertThat(r.get("userId").asString()).isEqualTo("jo.smith");
                    assertThat(r.get("changes").get("concernReasons").get("after").toString()).contains("Threats");
                });
                assertThat(trail).anySatisfy(r -> {
                    assertThat(r.get("action").asString()).isEqualTo("READ");
                    assertThat(r.get("userId").asString()).isEqualTo("pc.adams");
                    assertThat(r.get("grantedBy").asString()).isEqualTo("case:" + caseId);
                });
                assertThat(trail).anySatisfy(r -> {
                    assertThat(r.get("action").asString()).isEqualTo("UPDATE");
                    assertThat(r.get("userId").asString()).isEqualTo("pc.adams");
                    assertThat(r.get("changes").get("name").get("before").asString()).isEqualTo("Parkfield flats");
                    assertThat(r.get("changes").get("name").get("after").asString()).isEqualTo("Parkfield flats, block B");
                });
                // nobody was shown the reasons before they looked after the place
                assertThat(trail).filteredOn(r -> r.get("userId").asString().equals("pc.adams")
                        && !r.get("action").asString().equals("UPDATE"))
                        .allSatisfy(r -> assertThat(r.get("grantedBy").asString()).isEqualTo("case:" + caseId));
                assertThat(trail).anySatisfy(r -> assertThat(r.get("action").asString()).isEqualTo("CREATE"));
                assertThat(trail).anySatisfy(r -> {
                    assertThat(r.get("action").asString()).isEqualTo("LIST");
                    assertThat(r.get("userId").asString()).isEqualTo("jo.smith");
                });
            });
        }
    }

    @Test
    void aLinkByAnOrganisationThatCouldNotChangeThePlaceGivesItNoSay() {
        String stocktons = register(jo, "{\"name\":\"Stockton bus station\",\"postcode\":\"TS18 1AT\",\"type\":\"TRANSPORT\"}");
        String theirOwn = register(hartlepool, "{\"name\":\"Hartlepool marina\",\"postcode\":\"TS24 0XZ\",\"type\":\"OPEN_SPACE\"}");
        // Hartlepool links Stockton's place to a case of its own shared with the crisis team, then (same case, so
        // after it) its own place
        String hartlepoolCase = caseLinkingPlace(stocktons, "HARTLEPOOL_CST", "HARTLEPOOL_CST", List.of("TEES_CRISIS"));
        linkPlace(hartlepoolCase, 3L, theirOwn, "HARTLEPOOL_CST");
        String body = "{\"name\":\"Renamed\",\"postcode\":\"TS18 1AT\",\"type\":\"TRANSPORT\"}";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(call(HttpMethod.PUT,
                "/api/v1/parties/locations/" + theirOwn, crisis, "\"1\"", body).getStatusCode().value()).isEqualTo(200));

        assertForbidden(call(HttpMethod.PUT, "/api/v1/parties/locations/" + stocktons, hartlepool, "\"1\"", body));
        assertForbidden(call(HttpMethod.PUT, "/api/v1/parties/locations/" + stocktons, crisis, "\"1\"", body));
        assertThat(call(HttpMethod.PUT, "/api/v1/parties/locations/" + stocktons, jo, "\"1\"", body).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void aChangeNeedsTheCurrentETagAndAnUnknownPlaceIs404() {
        String lane = register(jo, "{\"name\":\"Back lane\",\"postcode\":\"TS18 2AA\",\"type\":\"STREET\"}");
        String body = "{\"name\":\"Back lane north\",\"postcode\":\"TS18 2AA\",\"type\":\"STREET\"}";
        assertThat(call(HttpMethod.PUT, "/api/v1/parties/locations/" + lane, jo, null, body).getStatusCode().value())
                .isEqualTo(428);
        assertThat(call(HttpMethod.PUT, "/api/v1/parties/locations/" + lane, jo, "\"7\"", body).getStatusCode().value())
                .isEqualTo(412);
        assertThat(call(HttpMethod.PUT, "/api/v1/parties/locations/0123456789abcdef01234567", jo, "\"1\"", body)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(call(HttpMethod.PUT, "/api/v1/parties/locations/" + lane, jo, "\"1\"", body).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void anAnalystCountsLocationsOfConcernButReadsNoPlace() {
        String park = register(jo, "{\"name\":\"Counted park\",\"postcode\":\"TS20 1AB\",\"type\":\"PARK\"}");
        call(HttpMethod.PUT, "/api/v1/parties/locations/" + park + "/concern", jo, "\"1\"",
                "{\"reasons\":[\"Youths gathering\"],\"reviewDate\":\"" + LocalDate.now().plusMonths(1) + "\"}");
        String analyst = DemoUsers.ANALYST_TEES.token();

        var figures = call(HttpMethod.GET, "/api/v1/parties/reports/locations-of-concern", analyst, null, null);
        assertThat(figures.getStatusCode().value()).isEqualTo(200);
        assertThat(figures.getBody().get("byDistrict").get("TS20").asLong()).isPositive();
        assertThat(figures.getBody().get("total").asLong()).isPositive();
        assertThat(figures.getBody().toString()).doesNotContain("Counted park").doesNotContain("Youths");
        assertForbidden(call(HttpMethod.GET, "/api/v1/parties/locations?concern=true", analyst, null, null));
        assertForbidden(call(HttpMethod.GET, "/api/v1/parties/locations/" + park, analyst, null, null));
        assertForbidden(call(HttpMethod.GET, "/api/v1/parties/reports/locations-of-concern", jo, null, null));
    }
}
