package org.casebridge.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** A partner's feed carries exactly the events of the cases shared with it, and an access-revoked event on revoke. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerFeedIT {

    private static final Duration ARRIVES = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;

    private final String jo = DemoUsers.JO_SMITH.token();

    private String openCase(String reference) {
        String caseId = new ObjectId().toHexString();
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, reference, "ASB_PERSONAL", false, "Feed case", "OPEN",
                "STOCKTON_CST", "jo.smith", null, "jo.smith", Instant.now())));
        await().atMost(ARRIVES).until(() -> ApiClient.onPort(port).get("/api/v1/sharing/cases/" + caseId + "/access", jo)
                .getStatusCode().value() == 200);
        return caseId;
    }

    private void logEntry(String caseId, long sequence, String reference) {
        store.append(events.of(caseId, sequence, new CaseLogEntryAdded(caseId, reference, new ObjectId().toHexString(),
                "VISIT", "PARTNERSHIP", null, "jo.smith", "STOCKTON_CST", Instant.now())));
    }

    private static List<String> types(TopicProbe feed, String caseId) {
        return feed.about(caseId).stream().map(r -> TopicProbe.header(r, "ce_type")).toList();
    }

    @Test
    void thePartnersFeedCarriesOnlyWhatItMaySeeAndIsToldToPurgeOnRevoke() throws Exception {
        String shared = openCase("ASB-2026-000901");
        String notShared = openCase("ASB-2026-000902");
        try (TopicProbe housing = new TopicProbe(Topics.partnerFeed("THIRTEEN_GROUP"));
                TopicProbe stockton = new TopicProbe(Topics.partnerFeed("STOCKTON_CST"))) {
            var share = ApiClient.onPort(port).post("/api/v1/sharing/cases/" + shared + "/shares", jo,
                    "{\"kind\":\"ORGANISATION\",\"principal\":\"THIRTEEN_GROUP\",\"level\":\"VIEW\",\"reason\":\"Tenancy\"}");
            assertThat(share.getStatusCode().value()).isEqualTo(201);
            await().atMost(ARRIVES).until(() -> ApiClient.onPort(port).get("/api/v1/access/check?case=" + shared
                    + "&action=VIEW", DemoUsers.TOM_REID.token()).getBody()
                    .get("allowed").asBoolean());

            logEntry(shared, 2L, "ASB-2026-000901");
            logEntry(notShared, 2L, "ASB-2026-000902");
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(types(housing, shared))
                    .contains("casebridge.case.log-entry-added.v1"));
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(types(stockton, notShared))
                    .contains("casebridge.case.log-entry-added.v1"));
            assertThat(housing.about(notShared)).isEmpty();
            var copied = housing.about(shared).stream()
                    .filter(r -> TopicProbe.header(r, "ce_type").equals("casebridge.case.log-entry-added.v1")).findFirst()
                    .orElseThrow();
            assertThat(TopicProbe.header(copied, "ce_source")).isEqualTo("/sharing-service");
            assertThat(copied.key()).isEqualTo(shared);

            String shareId = share.getBody().get("id").asString();
            assertThat(ApiClient.onPort(port).call(HttpMethod.DELETE, "/api/v1/sharing/cases/" + shared + "/shares/" + shareId,
                    jo, null, null).getStatusCode().value()).isEqualTo(204);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(types(housing, shared))
                    .contains("casebridge.partner.access-revoked.v1"));

            logEntry(shared, 3L, "ASB-2026-000901");
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(types(stockton, shared)
                    .stream().filter(t -> t.equals("casebridge.case.log-entry-added.v1"))).hasSize(2));
            assertThat(types(housing, shared).stream().filter(t -> t.equals("casebridge.case.log-entry-added.v1")))
                    .hasSize(1);
            assertThat(types(housing, shared)).last().isEqualTo("casebridge.partner.access-revoked.v1");
        }
    }

    /**
     * A case event that reaches the feeds before sharing-service's decision on the case waits for it, past the six
     * retries after which it used to be dead-lettered, and then goes to exactly the organisations the decision names.
     */
    @Test
    void aCaseEventHeardOfBeforeItsAccessDecisionWaitsForItAndIsNeverDropped() throws Exception {
        String caseId = new ObjectId().toHexString();
        try (TopicProbe housing = new TopicProbe(Topics.partnerFeed("THIRTEEN_GROUP"));
                TopicProbe stockton = new TopicProbe(Topics.partnerFeed("STOCKTON_CST"));
                TopicProbe police = new TopicProbe(Topics.partnerFeed("CLEVELAND_POLICE"));
                TopicProbe deadLetters = new TopicProbe(Topics.deadLetter(Topics.CASE))) {
            logEntry(caseId, 2L, "ASB-2026-000903");
            // longer than the bounded retries (about 24 s) that sent it to the dead-letter topic before
            await().during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                assertThat(stockton.about(caseId)).isEmpty();
                assertThat(housing.about(caseId)).isEmpty();
                assertThat(deadLetters.about(caseId)).isEmpty();
            });

            store.append(events.of(caseId, 1L, new CaseAccessChanged(caseId, "ASB_PERSONAL", "STOCKTON_CST", false,
                    List.of(new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null),
                            new Grant(PrincipalKind.ORGANISATION, "THIRTEEN_GROUP", AccessLevel.VIEW, null)),
                    Instant.now())));
            await().atMost(ARRIVES).untilAsserted(() -> {
                assertThat(types(stockton, caseId)).containsExactly("casebridge.case.log-entry-added.v1");
                assertThat(types(housing, caseId)).containsExactly("casebridge.case.log-entry-added.v1");
            });
            assertThat(police.about(caseId)).isEmpty();
            assertThat(deadLetters.about(caseId)).isEmpty();
        }
    }
}
