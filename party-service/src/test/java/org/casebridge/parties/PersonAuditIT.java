package org.casebridge.parties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.casebridge.contracts.Topics;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * party-service's audit on the audit topic: a registration's record (written with the person, in the same document),
 * a search with its terms even when it finds nobody, and a match check ({@code /people/matches}) with what was asked
 * and whom it showed.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonAuditIT {

    private static final Duration ARRIVES = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    private final String jo = DemoUsers.JO_SMITH.token();

    private List<JsonNode> records(TopicProbe audit, String resourceId, String action) {
        return audit.about(resourceId).stream().map(r -> json.readTree(r.value()))
                .filter(r -> r.get("action").asString().equals(action)).toList();
    }

    @Test
    void registrationsSearchesAndMatchChecksAreAudited() throws Exception {
        try (TopicProbe audit = new TopicProbe(Topics.AUDIT)) {
            String id = ApiClient.onPort(port).call(HttpMethod.POST, "/api/v1/parties/people", jo, null,
                    "{\"givenName\":\"Audra\",\"familyName\":\"Penhaligon\"}").getBody().get("id").asString();
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(records(audit, id, "CREATE")).hasSize(1));

            var none = ApiClient.onPort(port).get("/api/v1/parties/people?name=Xanthippe", jo);
            assertThat(none.getStatusCode().value()).isEqualTo(200);
            assertThat(none.getBody().get("items")).isEmpty();
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(records(audit, "search:STOCKTON_CST", "SEARCH"))
                    .anySatisfy(r -> assertThat(r.toString()).contains("\"resourceType\":\"person\"")
                            .contains("\"name\":\"Xanthippe\"").contains("\"hits\":0")));

            var matches = ApiClient.onPort(port).call(HttpMethod.POST, "/api/v1/parties/people/matches", jo, null,
                    "{\"givenName\":\"Audra\",\"familyName\":\"Penhaligon\"}");
            assertThat(matches.getStatusCode().value()).isEqualTo(200);
            assertThat(matches.getBody().findValuesAsString("personId")).contains(id);
            await().atMost(ARRIVES).untilAsserted(() -> {
                assertThat(records(audit, "search:STOCKTON_CST", "SEARCH")).anySatisfy(r -> assertThat(r.toString())
                        .contains("\"resourceType\":\"person-match\"").contains("\"familyName\":\"Penhaligon\""));
                assertThat(records(audit, id, "MATCH")).singleElement()
                        .satisfies(r -> assertThat(r.get("userId").asString()).isEqualTo("jo.smith"));
            });
        }
    }
    @Test
    void aMergeAndAnUnmergeAreAuditedOnBothPeople() throws Exception {
        var api = ApiClient.onPort(port);
        try (TopicProbe audit = new TopicProbe(Topics.AUDIT)) {
            String survivor = api.call(HttpMethod.POST, "/api/v1/parties/people", jo, null,
                    "{\"givenName\":\"Wilfred\",\"familyName\":\"Trevarthen\"}").getBody().get("id").asString();
            String duplicate = api.call(HttpMethod.POST, "/api/v1/parties/people", jo, null,
                    "{\"givenName\":\"Bill\",\"familyName\":\"Trevarthen\"}").getBody().get("id").asString();

            var merged = api.call(HttpMethod.POST, "/api/v1/parties/people/" + survivor + "/merge", jo, "\"1\"",
                    "{\"duplicateId\":\"" + duplicate + "\",\"reason\":\"Same man\"}");
            assertThat(merged.getStatusCode().value()).isEqualTo(200);
            // two documents: each one's write carries its own record
            await().atMost(ARRIVES).untilAsserted(() -> {
                assertThat(records(audit, survivor, "MERGE")).singleElement()
                        .satisfies(r -> assertThat(r.toString()).contains(duplicate).contains("Same man"));
                assertThat(records(audit, duplicate, "MERGE")).singleElement()
                        .satisfies(r -> assertThat(r.toString()).contains(survivor));
            });

            var unmerged = api.call(HttpMethod.POST, "/api/v1/parties/people/" + survivor + "/unmerge", jo,
                    merged.getHeaders().getETag(), "{\"personId\":\"" + duplicate + "\",\"reason\":\"Father and son\"}");
            assertThat(unmerged.getStatusCode().value()).isEqualTo(200);
            await().atMost(ARRIVES).untilAsserted(() -> {
                assertThat(records(audit, survivor, "UNMERGE")).singleElement()
                        .satisfies(r -> assertThat(r.get("userId").asString()).isEqualTo("jo.smith"));
                assertThat(records(audit, duplicate, "UNMERGE")).hasSize(1);
            });
        }
    }
}
