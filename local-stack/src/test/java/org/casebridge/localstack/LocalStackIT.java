package org.casebridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * The whole platform as the one command starts it, driven through the gateway as a client would: tokens from the
 * development issuer, a case opened by a Stockton practitioner, the lead officer's notification, the case's initial
 * access, a partner that cannot see it, and a Kafka crash that loses no event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RunningStack.Shared.class)
@Order(Integer.MAX_VALUE - 1) // it stops and starts parts of the shared stack: after the others that share it
class LocalStackIT {

    private static RunningStack stack;
    private static RestClient http;

    @BeforeAll
    static void start() throws Exception {
        stack = RunningStack.get();
        http = stack.http();
    }

    private static String tokenFor(String username) {
        return stack.tokenFor(username);
    }

    private static ResponseEntity<JsonNode> get(String path, String token) {
        return stack.get(path, token);
    }

    private static ResponseEntity<JsonNode> openCase(String token, String title) {
        return openCase(token, title, "raj.patel", "STOCKTON_ASB");
    }

    private static ResponseEntity<JsonNode> openCase(String token, String title, String leadOfficer, String team) {
        return http.post().uri("http://localhost:8080/api/v1/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"type\":\"ASB_PERSONAL\",\"title\":\"" + title + "\",\"leadOfficer\":\"" + leadOfficer
                        + "\",\"team\":\"" + team + "\"}")
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

    private static String created(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody().get("id").asString();
    }

    /**
     * Kafka down for about 30 s while a Middlesbrough practitioner keeps opening cases (30 of them, one a second):
     * every case is accepted, and once the broker is back each one reaches its lead officer exactly once, in the inbox
     * and by e-mail.
     */
    @Test
    @Order(4)
    void casesOpenedSteadilyWhileKafkaIsDownAreEachAnnouncedExactlyOnceWhenItReturns() throws Exception {
        String dan = tokenFor("dan.hughes");
        String priya = tokenFor("priya.shah");
        Map<String, String> opened = new java.util.concurrent.ConcurrentHashMap<>(); // id -> reference
        List<Integer> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        var steady = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        steady.scheduleAtFixedRate(() -> {
            try {
                var response = openCase(dan, "Steady case " + counter.incrementAndGet(), "priya.shah", "MIDDLESBROUGH_ASB");
                if (response.getStatusCode().value() == 201) {
                    opened.put(response.getBody().get("id").asString(), response.getBody().get("reference").asString());
                } else {
                    refused.add(response.getStatusCode().value());
                }
            } catch (RuntimeException unanswered) {
                refused.add(-1);
            }
        }, 0, 1, java.util.concurrent.TimeUnit.SECONDS);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> opened.size() >= 3);
            stack.own().killKafka();
            int beforeOutage = opened.size();
            // the outage lasts as long as it takes to accept 30 more cases at one a second
            await().atMost(Duration.ofSeconds(90)).until(() -> opened.size() >= beforeOutage + 30 || !refused.isEmpty());
            assertThat(refused).as("refused while Kafka was down").isEmpty();
            stack.own().restartKafka();
            int atReturn = opened.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> opened.size() >= atReturn + 3);
        } finally {
            steady.shutdown();
            steady.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(refused).isEmpty();

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(leadOfficerNotices(priya)).containsAll(opened.keySet()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                mailTo("priya.shah@").stream().filter(subject -> opened.values().stream().anyMatch(subject::contains)))
                .hasSize(opened.size()));
        // announced once: no case appears twice, in the inbox or in the mail
        List<String> notices = leadOfficerNotices(priya);
        assertThat(notices).hasSize(opened.size()).doesNotHaveDuplicates();
        List<String> mailed = mailTo("priya.shah@");
        opened.values().forEach(reference ->
                assertThat(mailed.stream().filter(subject -> subject.contains(reference))).as(reference).hasSize(1));
    }

    /** Every lead-officer notice in a user's inbox (all pages), as case ids. */
    private static List<String> leadOfficerNotices(String token) {
        List<String> caseIds = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = get("/api/v1/notifications?limit=100" + (after == null ? "" : "&after=" + after), token).getBody();
            page.get("items").forEach(item -> {
                if (item.path("title").asString().contains("lead officer")) {
                    caseIds.add(item.path("caseId").asString());
                }
            });
            after = page.path("nextCursor").isMissingNode() || page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
        } while (after != null);
        return caseIds;
    }

    /** Subjects of the mail the stack's SMTP server has received for addresses starting with the given text. */
    private static List<String> mailTo(String addressStart) {
        JsonNode mail = RestClient.create("http://localhost:" + LocalStack.MAIL_PAGE_PORT).get().uri("/messages")
                .retrieve().body(JsonNode.class);
        List<String> subjects = new ArrayList<>();
        mail.forEach(m -> {
            if (m.path("to").asString().startsWith(addressStart)) {
                subjects.add(m.path("subject").asString());
            }
        });
        return subjects;
    }

    @Test
    @Order(5)
    void withNotificationServiceStoppedCaseWorkGoesOnAndNotificationsCatchUp() throws Exception {
        String jo = tokenFor("jo.smith");
        String raj = tokenFor("raj.patel");
        stack.own().stopService("notification-service");
        List<String> opened = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                var response = openCase(jo, "Opened while notifications are down " + i);
                assertThat(response.getStatusCode().value()).isEqualTo(201);
                opened.add(response.getBody().get("id").asString());
            }
            // the inbox is down: the gateway answers for it with a problem, and nothing else is affected
            var inbox = get("/api/v1/notifications", raj);
            assertThat(inbox.getStatusCode().value()).isEqualTo(503);
            assertThat(inbox.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(get("/api/v1/cases/" + opened.get(0), raj).getStatusCode().value()).isEqualTo(200);
        } finally {
            stack.own().startService("notification-service");
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                get("/api/v1/notifications?limit=100", raj).getBody().get("items").findValuesAsString("caseId"))
                .containsAll(opened));
    }

    @Test
    @Order(6)
    void aPoisonMessageOnADomainTopicGoesToItsDeadLetterTopicAndTheConsumersGoOn() throws Exception {
        // an operator's client: no anonymous client is served, and no service may write another's topic
        var config = stack.kafkaClient("admin");
        config.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        config.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(config)) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("casebridge.case.v1", "poison-pill",
                    "not a CloudEvent at all")).get();
        }
        String raj = tokenFor("raj.patel");
        String after = openCase(tokenFor("jo.smith"), "Opened after the poison message").getBody().get("id").asString();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                get("/api/v1/notifications?limit=100", raj).getBody().get("items").findValuesAsString("caseId")).contains(after));

        var consumerConfig = stack.kafkaClient("admin");
        consumerConfig.put("group.id", "drill-" + System.nanoTime());
        consumerConfig.put("auto.offset.reset", "earliest");
        consumerConfig.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        consumerConfig.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(consumerConfig)) {
            consumer.subscribe(List.of("casebridge.case.v1.dlt"));
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(dead::add);
                assertThat(dead).anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo("poison-pill");
                    assertThat(r.value()).isEqualTo("not a CloudEvent at all");
                    assertThat(r.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
                });
            });
        }
    }

    /**
     * The MongoDB-wire server stopped and started again: while it is away every request fails within the driver's
     * short server-selection timeout with the service's own 503 problem (not the gateway's timeout), nothing is half
     * written, and afterwards the same calls succeed and events flow again.
     */
    @Test
    @Order(7)
    void withMongoDbStoppedRequestsFailWith503AndNothingIsHalfWritten() throws Exception {
        String jo = tokenFor("jo.smith");
        String raj = tokenFor("raj.patel");
        String before = created(openCase(jo, "Opened before the database stopped"));
        stack.own().stopMongo();
        try {
            var open = openCase(jo, "Opened while the database is away");
            assertThat(open.getStatusCode().value()).isEqualTo(503);
            assertThat(open.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(open.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
            assertThat(open.getBody().get("detail").asString()).contains("Records cannot be reached");
            var read = get("/api/v1/cases/" + before, raj);
            assertThat(read.getStatusCode().value()).isEqualTo(503);
            assertThat(read.getBody().get("detail").asString()).contains("Records cannot be reached");
            assertThat(get("/api/v1/notifications", raj).getStatusCode().value()).isEqualTo(503);
        } finally {
            stack.own().startMongo();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/cases/" + before, raj).getStatusCode().value() == 200);
        String after = created(openCase(jo, "Opened after the database returned"));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                get("/api/v1/notifications?limit=100", raj).getBody().get("items").findValuesAsString("caseId"))
                .contains(before, after));
        // the refused case left nothing behind, anywhere a practitioner could find it
        assertThat(get("/api/v1/cases?limit=100&q=" + java.net.URLEncoder.encode("while the database is away",
                java.nio.charset.StandardCharsets.UTF_8), jo).getBody().get("items")).isEmpty();
        assertThat(get("/api/v1/cases?limit=100&q=" + java.net.URLEncoder.encode("returned",
                java.nio.charset.StandardCharsets.UTF_8), jo).getBody().get("items").findValuesAsString("id")).containsExactly(after);
    }

    /**
     * A thousand requests at once from one caller, many times its 50 a second: the gateway turns the excess away with
     * 429 and Retry-After, lets the rest through (no circuit opens, no 503), and the services stay healthy.
     */
    @Test
    @Order(8)
    void aBurstFromOneCallerIsCutToItsRateAndTheServicesStayHealthy() throws Exception {
        int burstSize = 1000;
        String jo = tokenFor("jo.smith");
        String caseId = created(openCase(jo, "Read in a burst"));
        // after the MongoDB drill the gateway's circuit to case-service may still be half-open, letting only ten calls
        // through at once (the rest a 503): a run of good answers one at a time closes it before the burst
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int i = 0; i < 20; i++) {
                assertThat(get("/api/v1/cases/" + caseId, jo).getStatusCode().value()).isEqualTo(200);
            }
        });
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:8080/api/v1/cases/" + caseId))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + jo).build();
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> burst = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < burstSize; i++) { // the limit is 50 a second
            burst.add(client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        List<java.net.http.HttpResponse<String>> answers = new ArrayList<>();
        for (var answer : burst) {
            answers.add(answer.get(2, java.util.concurrent.TimeUnit.MINUTES));
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Burst of %d: %.1f s until all answered%n", burstSize, seconds);

        // however long the burst took to arrive, no more than 50 a second (each second begun) got through
        long letThrough = answers.stream().filter(r -> r.statusCode() == 200).count();
        assertThat(letThrough).isPositive().isLessThanOrEqualTo(50 * ((long) Math.ceil(seconds) + 1));
        var turnedAway = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(turnedAway).hasSize(burstSize - (int) letThrough);
        assertThat(turnedAway).allSatisfy(r -> {
            assertThat(r.headers().firstValue(HttpHeaders.RETRY_AFTER)).isPresent();
            assertThat(r.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        });

        for (LocalStack.Service service : LocalStack.SERVICES) {
            assertThat(http.get().uri("http://localhost:" + service.port() + "/actuator/health/readiness").retrieve()
                    .toEntity(String.class).getStatusCode().value()).as(service.name()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/cases/" + caseId, jo).getStatusCode().value() == 200);
    }
}
