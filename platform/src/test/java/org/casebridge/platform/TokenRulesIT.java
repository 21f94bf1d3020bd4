package org.casebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.casebridge.platform.sample.SampleApplication;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * The token rules every service gets from the starter: signed by the trusted key is not enough; the token must also
 * come from the configured issuer, carry the CaseBridge audience and name an organisation, or it is answered 401.
 */
@RealInfrastructure
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenRulesIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private ResponseEntity<JsonNode> post(String bearer) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .post().uri("/api/v1/samples").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .body("{\"title\":\"Should never be stored\"}").retrieve().toEntity(JsonNode.class);
    }

    @Test
    void aTokenOfTheRightIssuerAudienceAndOrganisationIsAccepted() {
        assertThat(post(DemoUsers.JO_SMITH.token()).getStatusCode().value())
                .isEqualTo(201);
    }

    @Test
    void aTokenWithoutAnOrganisationIs401() {
        long before = mongo.getCollection("samples").countDocuments(new Document("title", "Should never be stored"));

        assertUnauthorised(post(TestTokens.withoutOrganisation("jo.smith")));
        assertUnauthorised(post(TestTokens.token("jo.smith", "", java.util.List.of(), java.util.List.of("PRACTITIONER"))));
        assertUnauthorised(post(TestTokens.token("jo.smith", "   ", java.util.List.of(), java.util.List.of("PRACTITIONER"))));

        assertThat(mongo.getCollection("samples").countDocuments(new Document("title", "Should never be stored")))
                .isEqualTo(before);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        assertUnauthorised(post(TestTokens.fromIssuer("https://someone-else.example", "jo.smith", "STOCKTON_CST")));
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIs401() {
        assertUnauthorised(post(TestTokens.forAudience("some-other-api", "jo.smith", "STOCKTON_CST")));
        assertUnauthorised(post(TestTokens.forAudience(null, "jo.smith", "STOCKTON_CST")));
    }

    private static void assertUnauthorised(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("title").asString()).isEqualTo("Authentication required");
    }
}
