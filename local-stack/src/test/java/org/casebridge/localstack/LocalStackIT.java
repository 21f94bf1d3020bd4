package org.casebridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * The whole platform as the one command starts it, driven through the gateway as a client would: tokens from the
 * development issuer, a case opened by a Stockton practitioner, the lead officer's notification, the case's initial
 * access, a partner that cannot see it, and a Kafka crash that loses no event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static LocalStack stack;
    private static final RestClient http = RestClient.builder()
            .defaultStatusHandler(status -> true, (request, response) -> { }).build();

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("casebridge.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolve("local-stack").resolve("target").resolve("e2e-data");
        FileSystemUtils.deleteRecursively(data);
        Files.createDirectories(data);
        stack = new LocalStack(root, data, System.getProperty("java.class.path"));
        stack.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String tokenFor(String username) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", username);
        form.add("password", "demo");
        JsonNode answer = http.post().uri("http://localhost:9000/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve().body(JsonNode.class);
        return answer.get("access_token").asString();
    }

    private static ResponseEntity<JsonNode> get(String path, String token) {
        return http.get().uri("http://localhost:8080" + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve().toEntity(JsonNode.class);
    }

    private static ResponseEntity<JsonNode> openCase(String token, String title) {
        return http.post().uri("http://localhost:8080/api/v1/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"type\":\"ASB_PERSONAL\",\"title\":\"" + title + "\",\"leadOfficer\":\"raj.patel\",\"team\":\"STOCKTON_ASB\"}")
                .retrieve().toEntity(JsonNode.class);
    }

    @Test
    @Order(1)
    void aStocktonPractitionerOpensACaseAndThePartnershipReacts() {
        String jo = tokenFor("jo.smith");
        String raj = tokenFor("raj.patel");
        String police = tokenFor("pc.adams");

        var opened = openCase(jo, "Noise and threats at 12 Elm Road");
        assertThat(opened.getStatusCode().value()).isEqualTo(201);
        assertThat(opened.getHeaders().getFirst("X-Request-Id")).isNotBlank();
        String caseId = opened.getBody().get("id").asString();
        String reference = opened.getBody().get("reference").asString();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                get("/api/v1/notifications", raj).getBody().get("items").findValuesAsString("caseId")).contains(caseId));
        assertThat(get("/api/v1/notifications", raj).getBody().get("items").get(0).get("title").asString()).contains(reference);
        // and by e-mail, through the stack's real SMTP server, readable on its mail page
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(org.springframework.web.client.RestClient
                .create("http://localhost:" + LocalStack.MAIL_PAGE_PORT).get().uri("/messages").retrieve().body(String.class))
                .contains("raj.patel@").contains("You are the lead officer for " + reference));

        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/sharing/cases/" + caseId + "/access", jo)
                .getStatusCode().value() == 200);
        JsonNode access = get("/api/v1/sharing/cases/" + caseId + "/access", jo).getBody().get("decision");
        assertThat(access.get("grants")).hasSize(1);
        assertThat(access.get("grants").get(0).get("id").asString()).isEqualTo("STOCKTON_CST");

        assertThat(get("/api/v1/cases/" + caseId, raj).getStatusCode().value()).isEqualTo(200);
        var hidden = get("/api/v1/cases/" + caseId, police);
        assertThat(hidden.getStatusCode().value()).isEqualTo(404);
        assertThat(hidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/api/v1/sharing/cases/" + caseId + "/access", police).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void withoutATokenTheGatewaySays401() {
        var response = http.get().uri("http://localhost:8080/api/v1/cases").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @Order(3)
    void casesOpenedWhileKafkaIsDownAreAnnouncedWhenItReturns() throws IOException, InterruptedException {
        String jo = tokenFor("jo.smith");
        String raj = tokenFor("raj.patel");
        stack.killKafka();

        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var response = openCase(jo, "Opened while Kafka is down " + i);
            assertThat(response.getStatusCode().value()).isEqualTo(201);
            opened.add(response.getBody().get("id").asString());
        }

        stack.restartKafka();

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                get("/api/v1/notifications?limit=100", raj).getBody().get("items").findValuesAsString("caseId"))
                .containsAll(opened));
    }
}
