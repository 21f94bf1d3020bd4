package org.casebridge.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.casebridge.contracts.Topics;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit of case-service on the audit topic: a change's record (it rides in the case's own outbox, in the write that
 * stores the change), a search with its terms even when nothing is found, and the incoming-transfers list.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseAuditIT {

    private static final Duration ARRIVES = Duration.ofSeconds(20);
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String tom = TestTokens.practitioner("tom.reid", "THIRTEEN_GROUP", "THIRTEEN_TENANCY_ENFORCEMENT");

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, String ifMatch, String body) {
        return ApiClient.onPort(port).call(method, path, token, ifMatch, body);
    }

    private List<JsonNode> records(TopicProbe audit, String resourceId, String action) {
        return audit.about(resourceId).stream().map(r -> json.readTree(r.value()))
                .filter(r -> r.get("action").asString().equals(action)).toList();
    }

    @Test
    void changesSearchesAndIncomingTransfersAreAudited() throws Exception {
        try (TopicProbe audit = new TopicProbe(Topics.AUDIT)) {
            String id = call(HttpMethod.POST, "/api/v1/cases", jo, null,
                    "{\"type\":\"ASB_PERSONAL\",\"title\":\"Audited: shouting at number 4\"}").getBody().get("id").asString();
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(records(audit, id, "CREATE")).singleElement()
                    .satisfies(r -> assertThat(r.get("userId").asString()).isEqualTo("jo.smith")));

            // a search that finds nothing still leaves its terms (a name here: auditors may read them)
            var none = call(HttpMethod.GET, "/api/v1/cases?q=ZebedeeQuartermaine", jo, null, null);
            assertThat(none.getStatusCode().value()).isEqualTo(200);
            assertThat(none.getBody().get("items")).isEmpty();
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(records(audit, "search:STOCKTON_CST", "SEARCH"))
                    .anySatisfy(r -> assertThat(r.toString()).contains("\"resourceType\":\"case\"")
                            .contains("\"text\":\"ZebedeeQuartermaine\"").contains("\"hits\":0")));

            assertThat(call(HttpMethod.POST, "/api/v1/cases/" + id + "/transfer", jo, "\"1\"",
                    "{\"toOrganisation\":\"THIRTEEN_GROUP\",\"reason\":\"Tenancy route\"}").getStatusCode().value())
                    .isEqualTo(200);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(records(audit, id, "OFFER_TRANSFER")).hasSize(1));
            assertThat(call(HttpMethod.GET, "/api/v1/cases/transfers/incoming", tom, null, null).getBody()
                    .findValuesAsString("id")).contains(id);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(records(audit, id, "LIST_INCOMING_TRANSFER"))
                    .singleElement().satisfies(r -> {
                        assertThat(r.get("userId").asString()).isEqualTo("tom.reid");
                        assertThat(r.get("organisation").asString()).isEqualTo("THIRTEEN_GROUP");
                    }));
        }
    }
}
