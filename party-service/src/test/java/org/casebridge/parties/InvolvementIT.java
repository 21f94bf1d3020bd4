package org.casebridge.parties;

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
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/**
 * The involvement index from case-service's events, who may see a person through a case, and the repeat-presentation
 * flag. case-service and sharing-service are stood in for by publishing their events through this service's outbox
 * to the real broker.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvolvementIT {

    private static TopicProbe partyTopic;

    @LocalServerPort
    int port;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEvents events;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String police = DemoUsers.PC_ADAMS.token();
    private final String housing = DemoUsers.TOM_REID.token();
    private final String fire = TestTokens.practitioner("ff.khan", "CLEVELAND_FIRE", "CF_PREVENTION");

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

    private String register(String token, String given, String family) {
        return call(HttpMethod.POST, "/api/v1/parties/people", token, null,
                "{\"givenName\":\"" + given + "\",\"familyName\":\"" + family + "\"}").getBody().get("id").asString();
    }

    /**
     * A case owned by {@code owner} and seen by it alone, with the person linked in {@code role} by Stockton, which
     * registered everyone here (say before it handed the case over); only a link by an organisation that could see
     * the person counts.
     */
    private String caseLinking(String personId, String owner, String role) {
        return caseLinking(personId, owner, "STOCKTON_CST", role, List.of());
    }

    private String caseLinking(String personId, String owner, String linkedBy, String role, List<String> alsoSeenBy) {
        return caseLinking(personId, owner, linkedBy, role, alsoSeenBy, Instant.now());
    }

    private String caseLinking(String personId, String owner, String linkedBy, String role, List<String> alsoSeenBy,
            Instant linkedAt) {
        String caseId = new ObjectId().toHexString();
        List<Grant> grants = new java.util.ArrayList<>(List.of(new Grant(PrincipalKind.ORGANISATION, owner, AccessLevel.MANAGE, null)));
        alsoSeenBy.forEach(org -> grants.add(new Grant(PrincipalKind.ORGANISATION, org, AccessLevel.VIEW, null)));
        store.append(events.of(caseId, 1L, new CaseAccessChanged(caseId, "ASB_PERSONAL", owner, false, grants, Instant.now())));
        link(caseId, 2L, personId, role, linkedBy, linkedAt);
        return caseId;
    }

    private void link(String caseId, long version, String personId, String role, String organisation) {
        link(caseId, version, personId, role, organisation, Instant.now());
    }

    private void link(String caseId, long version, String personId, String role, String organisation, Instant linkedAt) {
        store.append(events.of(caseId, version, new CasePartyLinked(caseId, "ASB-2026-" + caseId.substring(18),
                "ASB_PERSONAL", "PERSON", personId, role, "someone", organisation, linkedAt)));
    }

    @Test
    void aLinkByAnOrganisationThatCouldNotSeeThePersonShowsThemToNobody() {
        String thirteen = TestTokens.practitioner("kim.lowe", "THIRTEEN_GROUP", "THIRTEEN_ASB");
        String hartlepool = TestTokens.practitioner("amy.hart", "HARTLEPOOL_CST", "HARTLEPOOL_ASB");
        String victim = register(thirteen, "Dana", "Whitfield");
        String theirOwn = register(hartlepool, "Marker", "Person");
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + victim, hartlepool, null, null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + victim + "/visible", hartlepool, null, null)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + victim + "/visible", thirteen, null, null)
                .getStatusCode().value()).isEqualTo(204);

        // Hartlepool links Thirteen Group's victim to a case of its own, then (same case, so after it) its own person
        String hartlepoolCase = caseLinking(victim, "HARTLEPOOL_CST", "HARTLEPOOL_CST", "VICTIM", List.of());
        link(hartlepoolCase, 3L, theirOwn, "WITNESS", "HARTLEPOOL_CST");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                call(HttpMethod.GET, "/api/v1/parties/people/" + theirOwn + "/involvement", hartlepool, null, null).getBody()
                        .get("cases").findValuesAsString("caseId")).containsExactly(hartlepoolCase));

        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + victim, hartlepool, null, null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + victim + "/involvement", hartlepool, null, null)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + victim + "/visible", hartlepool, null, null)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + victim + "/involvement", thirteen, null, null).getBody()
                .toString()).doesNotContain(hartlepoolCase);
    }

    @Test
    void aPractitionerSeesTheirOwnCasesAndWhichAgenciesKnowThePersonOtherwise() {
        String person = register(jo, "Maya", "Osei");
        String ours = caseLinking(person, "STOCKTON_CST", "VICTIM");
        String policeCase = caseLinking(person, "CLEVELAND_POLICE", "WITNESS");
        String housingCase = caseLinking(person, "THIRTEEN_GROUP", "COMPLAINANT");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode seen = call(HttpMethod.GET, "/api/v1/parties/people/" + person + "/involvement", jo, null, null).getBody();
            assertThat(seen.get("cases").findValuesAsString("caseId")).containsExactly(ours);
            assertThat(seen.get("knownElsewhere").get("cases").asInt()).isEqualTo(2);
            assertThat(seen.get("knownElsewhere").get("summary").asString())
                    .isEqualTo("Known to 2 other agencies: CLEVELAND_POLICE, THIRTEEN_GROUP — ask for access");
        });
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + person + "/involvement", jo, null, null).getBody()
                .toString()).doesNotContain(policeCase).doesNotContain(housingCase);

        // the police see the person through their own case, and only that case
        var asPolice = call(HttpMethod.GET, "/api/v1/parties/people/" + person, police, null, null);
        assertThat(asPolice.getStatusCode().value()).isEqualTo(200);
        assertThat(asPolice.getBody().get("familyName").asString()).isEqualTo("Osei");
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + person + "/involvement", police, null, null).getBody()
                .get("cases").findValuesAsString("caseId")).containsExactly(policeCase);
        // an agency with no record and no case is told nothing
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + person, fire, null, null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + person + "/involvement", fire, null, null)
                .getStatusCode().value()).isEqualTo(404);
    }

    /**
     * Links from different cases travel on different partitions, so they are consumed in any order. Here the adverse
     * order is made on purpose: the police link (the newest, which tips it under the police's 3-in-6 rule) is
     * consumed before an older complaint; the flag still names the police's rule, decided by the links' own times.
     */
    @Test
    void someoneWhoKeepsPresentingAsAVictimIsFlaggedOnce() {
        Instant now = Instant.now();
        String person = register(jo, "Ken", "Adeyemi");
        caseLinking(person, "STOCKTON_CST", "STOCKTON_CST", "VICTIM", List.of("CLEVELAND_POLICE"),
                now.minus(Duration.ofDays(3)));
        caseLinking(person, "STOCKTON_CST", "STOCKTON_CST", "WITNESS", List.of(), now.minus(Duration.ofDays(3)));
        // the police may link them once they see them, through Stockton's case shared with them
        await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, "/api/v1/parties/people/" + person
                + "/visible", police, null, null).getStatusCode().value() == 204);

        String third = caseLinking(person, "CLEVELAND_POLICE", "CLEVELAND_POLICE", "VICTIM", List.of(),
                now.minus(Duration.ofDays(1)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                call(HttpMethod.GET, "/api/v1/parties/people/" + person + "/involvement", police, null, null).getBody()
                        .get("cases").findValuesAsString("caseId")).contains(third));
        // only now the older complaint to Thirteen Group, linked two days ago, is heard of
        String second = caseLinking(person, "THIRTEEN_GROUP", "STOCKTON_CST", "COMPLAINANT", List.of(),
                now.minus(Duration.ofDays(2)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(flags(person)).isNotEmpty());
        assertThat(flags(person).get(0)).contains("\"count\":3").contains("\"months\":6")
                .contains("\"ruleOf\":\"CLEVELAND_POLICE\"").contains(third).contains(second).doesNotContain("Adeyemi");

        // neither a newer link nor a late, older one flags the same run again
        String fourth = caseLinking(person, "STOCKTON_CST", "VICTIM");
        String late = caseLinking(person, "STOCKTON_CST", "STOCKTON_CST", "VICTIM", List.of(), now.minus(Duration.ofDays(9)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                call(HttpMethod.GET, "/api/v1/parties/people/" + person + "/involvement", jo, null, null).getBody()
                        .get("cases").findValuesAsString("caseId")).contains(fourth, late));
        assertThat(flags(person)).hasSize(1);
    }

    private List<String> flags(String person) {
        return partyTopic.about(person).stream()
                .filter(r -> TopicProbe.header(r, "ce_type").equals("casebridge.party.repeat-presentation-flagged.v1"))
                .map(TopicProbe::body).toList();
    }

    @Test
    void aMergedRecordsCasesFollowTheSurvivorAndGoBackOnUnmerge() {
        String survivor = register(jo, "Lena", "Fischer");
        String duplicate = register(jo, "Lena", "Fisher");
        String caseOfDuplicate = caseLinking(duplicate, "STOCKTON_CST", "WITNESS");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                call(HttpMethod.GET, "/api/v1/parties/people/" + duplicate + "/involvement", jo, null, null).getBody()
                        .get("cases").findValuesAsString("caseId")).containsExactly(caseOfDuplicate));

        assertThat(call(HttpMethod.POST, "/api/v1/parties/people/" + survivor + "/merge", jo, "\"1\"",
                "{\"duplicateId\":\"" + duplicate + "\",\"reason\":\"Misspelt\"}").getStatusCode().value()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + survivor + "/involvement", jo, null, null).getBody()
                .get("cases").findValuesAsString("caseId")).containsExactly(caseOfDuplicate);

        assertThat(call(HttpMethod.POST, "/api/v1/parties/people/" + survivor + "/unmerge", jo, "\"2\"",
                "{\"personId\":\"" + duplicate + "\",\"reason\":\"Two people after all\"}").getStatusCode().value()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + survivor + "/involvement", jo, null, null).getBody()
                .get("cases")).isEmpty();
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + duplicate + "/involvement", jo, null, null).getBody()
                .get("cases").findValuesAsString("caseId")).containsExactly(caseOfDuplicate);
    }
}
