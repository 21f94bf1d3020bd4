package org.casebridge.parties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.casebridge.contracts.Topics;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;

/** Finding the same person across agencies: matches on registration, the duplicate review, merge and unmerge. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonMatchingIT {

    private static TopicProbe partyTopic;

    @LocalServerPort
    int port;

    private final String jo = DemoUsers.JO_SMITH.token();
    private final String police = DemoUsers.PC_ADAMS.token();

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

    /** A family name no other test uses, so matches come from this test's people only. */
    private static String surname(String base) {
        String consonants = "bdfgklmnprstvz";
        StringBuilder name = new StringBuilder(base).append('-');
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            name.append(consonants.charAt(random.nextInt(consonants.length()))).append("aeiou".charAt(random.nextInt(5)));
        }
        return name.toString();
    }

    private JsonNode register(String token, String given, String family, String dob, String postcode, String nhs) {
        String body = "{\"givenName\":\"" + given + "\",\"familyName\":\"" + family + "\""
                + (dob == null ? "" : ",\"dateOfBirth\":\"" + dob + "\"")
                + (postcode == null ? "" : ",\"addresses\":[{\"lines\":[\"1 High Street\"],\"postcode\":\"" + postcode + "\"}]")
                + (nhs == null ? "" : ",\"identifiers\":[{\"scheme\":\"NHS\",\"value\":\"" + nhs + "\"}]") + "}";
        var created = call(HttpMethod.POST, "/api/v1/parties/people", token, null, body);
        assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
        return created.getBody();
    }

    @Test
    void registeringSomeoneAnotherAgencyKnowsWarnsWithoutShowingTheirRecord() {
        String family = surname("Smith");
        String robert = register(jo, "Robert", family, "1980-02-14", "TS18 1AB", null).get("id").asString();

        JsonNode bob = register(police, "Bob", family, "1980-02-14", "ts181ab", null);

        JsonNode match = bob.get("possibleMatches").get(0);
        assertThat(match.get("likelihood").asString()).isEqualTo("LIKELY");
        assertThat(match.get("knownTo").toString()).contains("STOCKTON_CST");
        assertThat(match.get("personId").isNull()).isTrue();
        assertThat(match.get("name").isNull()).isTrue();
        assertThat(match.get("reasons").toString()).containsIgnoringCase("date of birth").containsIgnoringCase("postcode");
        assertThat(bob.toString()).doesNotContain(robert);

        // within one organisation the practitioner is shown who it is
        JsonNode again = register(jo, "Bobby", family, "1980-02-14", null, null);
        assertThat(again.get("possibleMatches")).hasSize(2).filteredOn(m -> !m.get("personId").isNull())
                .singleElement().satisfies(m -> {
                    assertThat(m.get("personId").asString()).isEqualTo(robert);
                    assertThat(m.get("name").asString()).isEqualTo("Robert " + family);
                });
    }

    @Test
    void theSameNhsNumberIsTheSamePersonWhateverTheName() {
        JsonNode first = register(jo, "Dana", surname("Kowalski"), null, null, "943 476 5919");
        var check = call(HttpMethod.POST, "/api/v1/parties/people/matches", jo, null,
                "{\"givenName\":\"Danuta\",\"familyName\":\"" + surname("Nowak") + "\","
                        + "\"identifiers\":[{\"scheme\":\"NHS\",\"value\":\"9434765919\"}]}");
        assertThat(check.getStatusCode().value()).isEqualTo(200);
        assertThat(check.getBody().get(0).get("personId").asString()).isEqualTo(first.get("id").asString());
        assertThat(check.getBody().get(0).get("score").asInt()).isEqualTo(100);
        assertThat(check.getBody().get(0).get("reasons").toString()).contains("NHS");
    }

    @Test
    void aWrongNhsNumberIsRefusedAndNothingIsStored() {
        String family = surname("Checkdigit");
        var refused = call(HttpMethod.POST, "/api/v1/parties/people", jo, null,
                "{\"givenName\":\"Al\",\"familyName\":\"" + family + "\",\"identifiers\":[{\"scheme\":\"NHS\",\"value\":\"9434765918\"}]}");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("detail").asString()).contains("NHS");
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people?name=" + family, jo, null, null).getBody().get("items"))
                .isEmpty();
    }

    @Test
    void likelyDuplicatesAreReviewedMergedAndAWrongMergeUndone() {
        String family = surname("Jones");
        String survivor = register(jo, "William", family, "1975-06-01", "TS19 7QQ", null).get("id").asString();
        String duplicate = register(jo, "Bill", family, "1975-06-01", "TS19 7QQ", null).get("id").asString();

        JsonNode review = call(HttpMethod.GET, "/api/v1/parties/duplicates?limit=100", jo, null, null).getBody();
        JsonNode pair = null;
        for (JsonNode item : review.get("items")) {
            if (item.get("people").findValuesAsString("id").containsAll(java.util.List.of(survivor, duplicate))) {
                pair = item;
            }
        }
        assertThat(pair).as("the pair is on the review list").isNotNull();
        String pairId = pair.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(partyTopic.about(pairId)).singleElement()
                .satisfies(event -> {
                    assertThat(TopicProbe.header(event, "ce_type")).isEqualTo("casebridge.party.duplicate-suspected.v1");
                    assertThat(TopicProbe.body(event)).contains("STOCKTON_CST").doesNotContain("Jones");
                }));
        assertThat(call(HttpMethod.GET, "/api/v1/parties/duplicates?limit=100", police, null, null).getBody().toString())
                .doesNotContain(survivor);

        // someone else corrected the survivor meanwhile: the merge is refused and neither record changes
        var stale = call(HttpMethod.POST, "/api/v1/parties/people/" + survivor + "/merge", jo, "\"0\"",
                "{\"duplicateId\":\"" + duplicate + "\",\"reason\":\"Same man\"}");
        assertThat(stale.getStatusCode().value()).isEqualTo(412);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + duplicate, jo, null, null).getStatusCode().value())
                .isEqualTo(200);

        var merged = call(HttpMethod.POST, "/api/v1/parties/people/" + survivor + "/merge", jo, "\"1\"",
                "{\"duplicateId\":\"" + duplicate + "\",\"reason\":\"Same man, known as Bill\"}");
        assertThat(merged.getStatusCode().value()).isEqualTo(200);
        assertThat(merged.getBody().get("otherNames").toString()).contains("Bill");
        assertThat(merged.getBody().get("mergedFrom").toString()).contains(duplicate);
        assertThat(merged.getHeaders().getETag()).isEqualTo("\"2\"");

        var redirected = call(HttpMethod.GET, "/api/v1/parties/people/" + duplicate, jo, null, null);
        assertThat(redirected.getStatusCode().value()).isEqualTo(307);
        assertThat(redirected.getHeaders().getLocation().toString()).endsWith("/api/v1/parties/people/" + survivor);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people?name=bill+" + family, jo, null, null).getBody()
                .get("items").findValuesAsString("id")).containsExactly(survivor);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(partyTopic.about(survivor).stream()
                .map(r -> TopicProbe.header(r, "ce_type"))).contains("casebridge.party.persons-merged.v1"));

        var unmerged = call(HttpMethod.POST, "/api/v1/parties/people/" + survivor + "/unmerge", jo, "\"2\"",
                "{\"personId\":\"" + duplicate + "\",\"reason\":\"Father and son\"}");
        assertThat(unmerged.getStatusCode().value()).isEqualTo(200);
        assertThat(unmerged.getBody().get("otherNames")).isEmpty();
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + duplicate, jo, null, null).getBody()
                .get("givenName").asString()).isEqualTo("Bill");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(partyTopic.about(survivor).stream()
                .map(r -> TopicProbe.header(r, "ce_type"))).contains("casebridge.party.persons-unmerged.v1"));
    }

    @Test
    void twoPeopleWithDifferentNhsNumbersAreNotMerged() {
        String family = surname("Twin");
        String a = register(jo, "Sam", family, "2001-01-01", null, "943 476 5919").get("id").asString();
        String b = register(jo, "Sam", family, "2001-01-01", null, "401 023 2137").get("id").asString();

        var refused = call(HttpMethod.POST, "/api/v1/parties/people/" + a + "/merge", jo, "\"1\"",
                "{\"duplicateId\":\"" + b + "\",\"reason\":\"Looks the same\"}");
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + b, jo, null, null).getStatusCode().value()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people/" + a, jo, null, null).getHeaders().getETag()).isEqualTo("\"1\"");
    }

    @Test
    void peopleAreFoundByNicknameSoundDateOfBirthPostcodeAndIdentifier() {
        String family = surname("Smith");
        String spelt = family.replace("Smith", "Smyth");
        String id = register(jo, "Robert", family, "1983-07", "TS18 1AB", "943 476 5919").get("id").asString();

        assertThat(search(jo, "name=bob+" + spelt)).containsExactly(id);
        assertThat(search(jo, "name=" + family + "&dateOfBirth=1983-07-14")).containsExactly(id);
        assertThat(search(jo, "name=" + family + "&dateOfBirth=1981")).isEmpty();
        assertThat(search(jo, "name=" + family + "&postcode=TS18")).containsExactly(id);
        assertThat(search(jo, "name=" + family + "&postcode=TS1")).isEmpty();
        assertThat(search(jo, "identifier=NHS:9434765919")).contains(id);
        assertThat(search(police, "name=robert+" + family)).isEmpty();
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people", jo, null, null).getStatusCode().value()).isEqualTo(422);
        assertThat(call(HttpMethod.GET, "/api/v1/parties/people?postcode=XX", jo, null, null).getStatusCode().value())
                .isEqualTo(422);
    }

    private java.util.List<String> search(String token, String query) {
        var found = call(HttpMethod.GET, "/api/v1/parties/people?" + query, token, null, null);
        assertThat(found.getStatusCode().value()).as(found.toString()).isEqualTo(200);
        return found.getBody().get("items").findValuesAsString("id");
    }

    @Test
    void detailsAreUpdatedWithIfMatchAndFlagsRememberWhoSetThem() {
        String family = surname("Flag");
        String id = register(jo, "Kim", family, null, null, null).get("id").asString();
        String path = "/api/v1/parties/people/" + id;
        String body = "{\"givenName\":\"Kim\",\"familyName\":\"" + family + "\",\"gender\":\"FEMALE\","
                + "\"contacts\":[{\"kind\":\"MOBILE\",\"value\":\"07700 900123\"}],"
                + "\"flags\":[{\"kind\":\"VIOLENCE\",\"note\":\"Threatened staff with a knife\",\"setBy\":\"someone.else\"}],"
                + "\"approach\":\"Visit in pairs\"}";

        assertThat(call(HttpMethod.PUT, path, jo, null, body).getStatusCode().value()).isEqualTo(428);
        var updated = call(HttpMethod.PUT, path, jo, "\"1\"", body);
        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getHeaders().getETag()).isEqualTo("\"2\"");
        JsonNode flag = updated.getBody().get("flags").get(0);
        assertThat(flag.get("setBy").asString()).isEqualTo("jo.smith");
        assertThat(flag.get("organisation").asString()).isEqualTo("STOCKTON_CST");
        assertThat(call(HttpMethod.PUT, path, jo, "\"1\"", body).getStatusCode().value()).isEqualTo(412);
        assertThat(call(HttpMethod.PUT, path, police, "\"2\"", body).getStatusCode().value()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(partyTopic.about(id).stream()
                .filter(r -> TopicProbe.header(r, "ce_type").equals("casebridge.party.person-updated.v1"))
                .map(TopicProbe::body)).singleElement().satisfies(event -> {
                    assertThat(event).contains("flags").contains("contacts").doesNotContain("knife");
                }));

        var badEmail = call(HttpMethod.PUT, path, jo, "\"2\"", "{\"givenName\":\"Kim\",\"familyName\":\"" + family
                + "\",\"contacts\":[{\"kind\":\"EMAIL\",\"value\":\"not an address\"}]}");
        assertThat(badEmail.getStatusCode().value()).isEqualTo(422);
        assertThat(call(HttpMethod.GET, path, jo, null, null).getBody().get("approach").asString()).isEqualTo("Visit in pairs");
    }
}
