package org.casebridge.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.casebridge.contracts.Topics;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.TestTokens;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import tools.jackson.databind.JsonNode;

/** The partnership's directory: organisations and teams, users on first sight, and administrators of their own. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectoryIT {

    private static final Duration ARRIVES = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void organisationsTeamsAndUsersArePublishedAndAdministeredByTheirOwnOrganisation() throws Exception {
        var api = ApiClient.onPort(port);
        String lena = TestTokens.token("lena.ng", "STOCKTON_CST", List.of("STOCKTON_ASB"), List.of("PRACTITIONER"));
        String helen = TestTokens.token("helen.wood", "STOCKTON_CST", List.of("STOCKTON_ASB"),
                List.of("PRACTITIONER", "SUPERVISOR", "ORG_ADMIN"));
        String sergeant = TestTokens.token("sgt.baker", "CLEVELAND_POLICE", List.of(), List.of("ORG_ADMIN"));
        try (TopicProbe directory = new TopicProbe(Topics.DIRECTORY)) {
            await().atMost(ARRIVES).untilAsserted(() -> {
                assertThat(directory.about("org:STOCKTON_CST")).isNotEmpty();
                assertThat(directory.about("team:STOCKTON_ASB")).isNotEmpty();
            });

            api.get("/api/v1/sharing/organisations", lena);
            api.get("/api/v1/sharing/agreements", lena);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(directory.about("user:lena.ng")).hasSize(1));
            assertThat(directory.about("user:lena.ng").get(0).key()).isEqualTo("user:lena.ng");
            assertThat(TopicProbe.body(directory.about("user:lena.ng").get(0))).contains("STOCKTON_ASB").contains("PRACTITIONER");

            assertThat(api.get("/api/v1/sharing/directory/organisations/STOCKTON_CST/users", helen).getBody()
                    .findValuesAsString("id")).contains("lena.ng");
            assertThat(api.get("/api/v1/sharing/directory/organisations/STOCKTON_CST/users", sergeant).getStatusCode().value())
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/sharing/directory/organisations/STOCKTON_CST/users", lena).getStatusCode().value())
                    .isEqualTo(403);

            assertThat(api.post("/api/v1/sharing/directory/teams", helen, "{\"code\":\"STOCKTON_NIGHT\",\"name\":\"Night team\"}")
                    .getStatusCode().value()).isEqualTo(201);
            assertThat(api.post("/api/v1/sharing/directory/teams", helen, "{\"code\":\"STOCKTON_NIGHT\",\"name\":\"Again\"}")
                    .getStatusCode().value()).isEqualTo(409);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(directory.about("team:STOCKTON_NIGHT")).isNotEmpty());

            assertThat(api.call(HttpMethod.PATCH, "/api/v1/sharing/directory/users/lena.ng", sergeant, null, "{\"active\":false}")
                    .getStatusCode().value()).isEqualTo(403);
            var deactivated = api.call(HttpMethod.PATCH, "/api/v1/sharing/directory/users/lena.ng", helen, null,
                    "{\"active\":false}");
            assertThat(deactivated.getBody().get("active").asBoolean()).isFalse();
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(directory.about("user:lena.ng")).hasSize(2));
            assertThat(TopicProbe.body(directory.about("user:lena.ng").get(1))).contains("\"active\":false");
            // seen again with the same claims: still deactivated, nothing new published
            api.get("/api/v1/sharing/organisations", lena);
            assertThat(api.get("/api/v1/sharing/directory/organisations/STOCKTON_CST/users", helen).getBody().toString())
                    .contains("\"active\":false");
            assertThat(directory.about("user:lena.ng")).hasSize(2);
        }
    }

    @Test
    void everyActivePractitionerOfThePartnershipIsListedForSharingWithoutTheirRoles() throws Exception {
        var api = ApiClient.onPort(port);
        String amir = TestTokens.token("amir.dale", "THIRTEEN_GROUP", List.of("THIRTEEN_TENANCY_ENFORCEMENT"),
                List.of("PRACTITIONER", "SUPERVISOR"));
        String leaver = TestTokens.token("left.already", "THIRTEEN_GROUP", List.of(), List.of("PRACTITIONER"));
        String admin = TestTokens.token("thirteen.admin", "THIRTEEN_GROUP", List.of(), List.of("ORG_ADMIN"));
        String constable = TestTokens.token("pc.ward", "CLEVELAND_POLICE", List.of("CP_STOCKTON_NPT"), List.of("PRACTITIONER"));
        api.get("/api/v1/sharing/organisations", amir);
        api.get("/api/v1/sharing/organisations", leaver);
        assertThat(api.call(HttpMethod.PATCH, "/api/v1/sharing/directory/users/left.already", admin, null, "{\"active\":false}")
                .getStatusCode().value()).isEqualTo(200);

        // a police officer, who shares no organisation with them, finds Thirteen Group's practitioner to name
        var listed = api.get("/api/v1/sharing/directory/practitioners", constable);
        assertThat(listed.getStatusCode().value()).isEqualTo(200);
        var found = new ArrayList<JsonNode>();
        listed.getBody().forEach(found::add);
        var entry = found.stream().filter(p -> p.get("username").asString().equals("amir.dale")).findFirst().orElseThrow();
        assertThat(entry.get("organisation").asString()).isEqualTo("THIRTEEN_GROUP");
        assertThat(entry.get("teams").toString()).contains("THIRTEEN_TENANCY_ENFORCEMENT");
        assertThat(entry.has("roles")).isFalse();
        assertThat(entry.has("email")).isFalse();
        // the constable themselves, seen on this very request, and not the deactivated leaver
        assertThat(found).extracting(p -> p.get("username").asString()).contains("pc.ward").doesNotContain("left.already");
    }
}
