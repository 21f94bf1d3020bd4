package org.casebridge.parties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import org.casebridge.contracts.Topics;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.TestTokens;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocationApiIT {

    private static TopicProbe partyTopic;

    @LocalServerPort
    int port;

    private final String jo = TestTokens.practitioner("jo.smith", "STOCKTON_CST", "STOCKTON_ASB");
    private final String police = TestTokens.practitioner("pc.adams", "CLEVELAND_POLICE", "CP_STOCKTON_NPT");

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
}
