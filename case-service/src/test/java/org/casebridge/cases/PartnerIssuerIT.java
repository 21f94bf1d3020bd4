package org.casebridge.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * case-service called directly (not through the gateway) with tokens of a partner's own identity provider, which the
 * tests' services trust for Thirteen Group only ({@code TestTokens.trustedIssuersProperties()}). Same configuration as
 * the other ITs here, so the same Spring context.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerIssuerIT {

    @LocalServerPort
    int port;

    private ResponseEntity<JsonNode> open(String token) {
        return ApiClient.onPort(port).post("/api/v1/cases", token,
                "{\"type\":\"ASB_PERSONAL\",\"title\":\"Partner issuer: damage to the communal door\"}", null);
    }

    @Test
    void aPractitionerSignedInByTheirOwnOrganisationsIssuerWorksAsTheirOrganisation() {
        var created = open(TestTokens.fromPartner("tom.reid", "THIRTEEN_GROUP", "THIRTEEN_TENANCY_ENFORCEMENT"));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("ownerOrganisation").asString()).isEqualTo("THIRTEEN_GROUP");
        String id = created.getBody().get("id").asString();
        // the same practitioner signed in through the partnership's own issuer is the same person of the same organisation
        var read = ApiClient.onPort(port).get("/api/v1/cases/" + id,
                TestTokens.practitioner("tom.reid", "THIRTEEN_GROUP", "THIRTEEN_TENANCY_ENFORCEMENT"));
        assertThat(read.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void thePartnersIssuerCannotSpeakForAnotherOrganisationNorWithoutTheRightAudienceOrAnOrganisation() {
        for (String bearer : new String[] {TestTokens.fromPartner("tom.reid", "CLEVELAND_POLICE", "CP_STOCKTON_NPT"),
                TestTokens.fromPartnerForAudience("some-other-api", "tom.reid", "THIRTEEN_GROUP", null),
                TestTokens.fromPartner("tom.reid", null, null),
                TestTokens.fromIssuer("https://someone-else.example", "tom.reid", "THIRTEEN_GROUP")}) {
            var refused = open(bearer);
            assertThat(refused.getStatusCode().value()).isEqualTo(401);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().get("title").asString()).isEqualTo("Authentication required");
        }
    }
}
