package org.casebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.casebridge.platform.sample.SampleApplication;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * The role rule every service gets from the starter: an analyst reaches the counts, a partner system its integration
 * endpoints, and neither anything else (403 problem); an account that also holds a full role is not limited.
 */
@RealInfrastructure
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleLimitsIT {

    @LocalServerPort
    int port;

    private final String analyst = DemoUsers.ANALYST_TEES.token();
    private final String system = TestTokens.token("stockton.asbdb", "STOCKTON_CST", List.of(), List.of("INTEGRATION"));
    private final String practitioner = DemoUsers.JO_SMITH.token();
    private final String analystAndSupervisor = TestTokens.token("helen.wood", "STOCKTON_CST", List.of(),
            List.of("ANALYST", "SUPERVISOR"));

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, String body) {
        return ApiClient.onPort(port).call(method, path, token, null, body);
    }

    private String someSample() {
        return ApiClient.onPort(port).post("/api/v1/samples", practitioner, "{\"title\":\"Seen by practitioners\"}")
                .getBody().get("id").asString();
    }

    @Test
    void anAnalystGetsTheCountsAndNothingElse() {
        String id = someSample();
        assertThat(call(HttpMethod.GET, "/api/v1/samples/reports/count", analyst, null).getStatusCode().value())
                .isEqualTo(200);

        assertForbidden(call(HttpMethod.GET, "/api/v1/samples/" + id, analyst, null));
        assertForbidden(call(HttpMethod.POST, "/api/v1/samples", analyst, "{\"title\":\"An analyst's case\"}"));
        assertForbidden(call(HttpMethod.POST, "/api/v1/samples/inbound", analyst, null));
        // the method is part of the rule: a GET endpoint of the reports is not a door for writes
        assertForbidden(call(HttpMethod.POST, "/api/v1/samples/reports/count", analyst, null));
    }

    @Test
    void aPartnerSystemGetsItsIntegrationEndpointsAndNothingElse() {
        String id = someSample();
        assertThat(call(HttpMethod.POST, "/api/v1/samples/inbound", system, null).getStatusCode().value()).isEqualTo(200);

        assertForbidden(call(HttpMethod.GET, "/api/v1/samples/" + id, system, null));
        assertForbidden(call(HttpMethod.POST, "/api/v1/samples", system, "{\"title\":\"A system's case\"}"));
        assertForbidden(call(HttpMethod.GET, "/api/v1/samples/reports/count", system, null));
    }

    @Test
    void anAccountWithAFullRoleAsWellIsNotLimited() {
        String id = someSample();
        assertThat(call(HttpMethod.GET, "/api/v1/samples/" + id, analystAndSupervisor, null).getStatusCode().value())
                .isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/v1/samples/" + id, practitioner, null).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theOpenEndpointsStayOpenAndNoTokenIsStill401() {
        assertThat(call(HttpMethod.GET, "/actuator/health/liveness", analyst, null).getStatusCode().value()).isEqualTo(200);
        var anonymous = org.springframework.web.client.RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .get().uri("/api/v1/samples/reports/count").retrieve().toEntity(JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    }

    private static void assertForbidden(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asString()).contains("may use only its own endpoints");
    }
}
