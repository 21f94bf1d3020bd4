package org.casebridge.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboxIT {

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;

    private JsonNode inboxOf(String token, String query) {
        return RestClient.create("http://localhost:" + port).get().uri("/api/v1/notifications" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(JsonNode.class);
    }

    /** What case-service publishes when a case is opened. */
    private String caseOpened(String leadOfficer, String title) {
        String caseId = new ObjectId().toHexString();
        store.append(events.of(caseId, 1L, new CaseOpened(caseId, "ASB-2026-000100", "ASB_PERSONAL", false, title, "OPEN",
                "STOCKTON_CST", leadOfficer, null, "jo.smith", Instant.now())));
        // and sharing-service's decision on it, without which nobody hears of the case
        store.append(events.of(caseId, 1L, new CaseAccessChanged(caseId, "ASB_PERSONAL", "STOCKTON_CST", false,
                List.of(new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null)), Instant.now())));
        return caseId;
    }

    @Test
    void theLeadOfficerFindsTheNewCaseInTheirInboxAndNobodyElseDoes() {
        String raj = DemoUsers.RAJ_PATEL.token();
        String caseId = caseOpened("raj.patel", "Noise and threats at 12 Elm Road");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(inboxOf(raj, "").get("items").findValuesAsString("caseId")).contains(caseId));
        JsonNode item = inboxOf(raj, "").get("items").get(0);
        assertThat(item.get("title").asString()).isEqualTo("You are the lead officer for ASB-2026-000100: Noise and threats at 12 Elm Road");
        assertThat(item.get("read").asBoolean()).isFalse();

        String jo = DemoUsers.JO_SMITH.token();
        assertThat(inboxOf(jo, "").get("items").findValuesAsString("caseId")).doesNotContain(caseId);
    }

    @Test
    void aRedeliveredCaseEventDoesNotNotifyTwice() {
        String helen = TestTokens.practitioner("helen.wood", "STOCKTON_CST", "STOCKTON_ASB");
        String caseId = caseOpened("helen.wood", "Fly-tipping behind the shops");
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxOf(helen, "").get("items").size() == 1);

        store.append(events.of(caseId, 1L, new CaseOpened(caseId, "ASB-2026-000100", "ASB_PERSONAL", false,
                "Fly-tipping behind the shops", "OPEN", "STOCKTON_CST", "helen.wood", null, "jo.smith", Instant.now())));
        String marker = caseOpened("helen.wood", "A later case");

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxOf(helen, "").get("items").findValuesAsString("caseId").contains(marker));
        assertThat(inboxOf(helen, "").get("items").findValuesAsString("caseId")).containsOnlyOnce(caseId);
        assertThat(inboxOf(helen, "?limit=1").get("nextCursor").asString()).isNotBlank();
    }

    @Test
    void theLeadOfficerIsToldWhenAVictimMeetsTheCaseReviewThreshold() {
        String kate = TestTokens.practitioner("kate.moss", "THIRTEEN_GROUP", "THIRTEEN_TENANCY_ENFORCEMENT");
        String caseId = new ObjectId().toHexString();
        store.append(events.of(caseId, 4L, new org.casebridge.contracts.cases.CaseReviewThresholdMet(caseId, "ASB-2026-000200",
                "THIRTEEN_GROUP", "kate.moss", new ObjectId().toHexString(), 3, 3, 6, Instant.now())));
        store.append(events.of(caseId, 1L, new CaseAccessChanged(caseId, "ASB_PERSONAL", "THIRTEEN_GROUP", false,
                List.of(new Grant(PrincipalKind.ORGANISATION, "THIRTEEN_GROUP", AccessLevel.MANAGE, null)), Instant.now())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(inboxOf(kate, "").get("items").findValuesAsString("kind")).contains("CASE_REVIEW_DUE"));
    }

    /** Inbox titles name cases and what happened on them: reading them is recorded on each case's trail. */
    @Test
    void readingTheInboxIsAuditedOnEachCaseShown() throws Exception {
        try (org.casebridge.platform.test.TopicProbe audit = new org.casebridge.platform.test.TopicProbe(
                org.casebridge.contracts.Topics.AUDIT)) {
            String mo = TestTokens.practitioner("mo.audit", "STOCKTON_CST", "STOCKTON_ASB");
            String caseId = caseOpened("mo.audit", "Audited inbox case");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(inboxOf(mo, "").get("items").findValuesAsString("caseId")).contains(caseId));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit.about(caseId)).anySatisfy(r ->
                    assertThat(org.casebridge.platform.test.TopicProbe.body(r)).contains("\"action\":\"READ_INBOX\"")
                            .contains("\"userId\":\"mo.audit\"")));
        }
    }
}
