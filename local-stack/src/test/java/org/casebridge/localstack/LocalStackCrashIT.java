package org.casebridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * The whole stack killed at once: cases are opened through the gateway as fast as four practitioners can, every
 * process of the stack (MongoDB-wire server, Kafka, issuer, mail, every service) gets SIGKILL mid-stream, and a new
 * stack starts on the same data. Every case that was accepted (201) must be there with its reference, announced on
 * {@code casebridge.case.v1} as one opened event, in its lead officer's inbox once; no reference is handed out twice,
 * before or after the crash. It kills the shared stack (whatever the other classes left in it is data to survive too)
 * and starts it again on the same data, so it runs after every class that shares it (its order).
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(RunningStack.Shared.class)
class LocalStackCrashIT {

    private static final String OPENED = "casebridge.case.opened.v1";

    private static RunningStack running;
    private static final RestClient http = RestClient.builder()
            .requestFactory(timeouts())
            .defaultStatusHandler(status -> true, (request, response) -> { }).build();

    /** A practitioner who opens cases and the lead officer they name. */
    private record Opener(String username, String leadOfficer, String team) {
    }

    private static final List<Opener> OPENERS = List.of(
            new Opener("jo.smith", "raj.patel", "STOCKTON_ASB"),
            new Opener("jo.smith", "raj.patel", "STOCKTON_ASB"),
            new Opener("dan.hughes", "priya.shah", "MIDDLESBROUGH_ASB"),
            new Opener("dan.hughes", "priya.shah", "MIDDLESBROUGH_ASB"));

    /** An accepted case: its id, reference and lead officer. */
    private record Accepted(String id, String reference, String leadOfficer) {
    }

    @BeforeAll
    static void theSharedStack() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("casebridge.it.running-stack"),
                "kills the whole stack: not against a stack started elsewhere");
        running = RunningStack.get();
    }

    @Test
    void everyAcceptedCaseSurvivesTheWholeStackBeingKilled() throws Exception {
        LocalStack stack = running.own();

        Map<String, String> tokens = new HashMap<>();
        OPENERS.forEach(o -> tokens.computeIfAbsent(o.username(), LocalStackCrashIT::tokenFor));
        Map<String, Accepted> accepted = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger numbered = new AtomicInteger();
        ExecutorService openers = Executors.newFixedThreadPool(OPENERS.size());
        for (Opener opener : OPENERS) {
            openers.submit(() -> {
                while (!stop.get()) {
                    try {
                        var response = openCase(tokens.get(opener.username()), "Opened before the crash " + numbered.incrementAndGet(),
                                opener.leadOfficer(), opener.team());
                        if (response.getStatusCode().value() == 201) {
                            JsonNode body = response.getBody();
                            accepted.put(body.get("id").asString(),
                                    new Accepted(body.get("id").asString(), body.get("reference").asString(), opener.leadOfficer()));
                        }
                    } catch (RuntimeException unanswered) {
                        if (stop.get()) {
                            return; // the stack is gone: not accepted, so not counted
                        }
                    }
                }
            });
        }
        try {
            // mid-stream: some cases' events are still in their outboxes, some notifications not yet written
            await().atMost(Duration.ofMinutes(3)).until(() -> accepted.size() >= 40);
            long notified = leadOfficerNotices(tokenFor("raj.patel")).size() + leadOfficerNotices(tokenFor("priya.shah")).size();
            stack.killAll();
            stop.set(true);
            System.out.println("LocalStackCrashIT: killed with " + accepted.size() + " cases accepted, " + notified
                    + " of them in an inbox a moment before");
            openers.shutdown();
            assertThat(openers.awaitTermination(60, TimeUnit.SECONDS)).as("openers end once the stack is gone").isTrue();
        } finally {
            openers.shutdownNow();
        }
        Map<String, Accepted> beforeCrash = Map.copyOf(accepted);

        running.startAgain();
        tokens.clear();
        OPENERS.forEach(o -> tokens.computeIfAbsent(o.username(), LocalStackCrashIT::tokenFor));
        Map<String, String> leadTokens = new HashMap<>();
        OPENERS.forEach(o -> leadTokens.computeIfAbsent(o.leadOfficer(), LocalStackCrashIT::tokenFor));

        // every accepted case is there, as it was accepted
        for (Accepted c : beforeCrash.values()) {
            var read = get("/api/v1/cases/" + c.id(), leadTokens.get(c.leadOfficer()));
            assertThat(read.getStatusCode().value()).as("case %s after the crash", c.reference()).isEqualTo(200);
            assertThat(read.getBody().get("reference").asString()).isEqualTo(c.reference());
        }
        // and the reference counter did not go back: cases opened now get new references
        List<Accepted> afterCrash = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Opener opener = OPENERS.get(i % OPENERS.size());
            var response = openCase(tokens.get(opener.username()), "Opened after the crash " + i, opener.leadOfficer(), opener.team());
            assertThat(response.getStatusCode().value()).isEqualTo(201);
            afterCrash.add(new Accepted(response.getBody().get("id").asString(),
                    response.getBody().get("reference").asString(), opener.leadOfficer()));
        }
        List<String> references = new ArrayList<>();
        beforeCrash.values().forEach(c -> references.add(c.reference()));
        afterCrash.forEach(c -> references.add(c.reference()));
        assertThat(references).as("references handed out").doesNotHaveDuplicates();

        List<Accepted> all = new ArrayList<>(beforeCrash.values());
        all.addAll(afterCrash);
        // each announced once: exactly one opened event per case (a redelivery after the crash would carry the same
        // event id, which consumers ignore; a second id would be a second announcement)
        Map<String, Set<String>> openedEventIds = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            consumer.subscribe(List.of("casebridge.case.v1"));
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (OPENED.equals(header(record, "ce_type"))) {
                        openedEventIds.computeIfAbsent(header(record, "ce_subject"), k -> ConcurrentHashMap.newKeySet())
                                .add(header(record, "ce_id"));
                    }
                }
                assertThat(openedEventIds.keySet()).containsAll(all.stream().map(Accepted::id).toList());
            });
        }
        all.forEach(c -> assertThat(openedEventIds.get(c.id())).as("opened events of %s", c.reference()).hasSize(1));

        // each in its lead officer's inbox exactly once
        for (String leadOfficer : leadTokens.keySet()) {
            Set<String> theirs = new HashSet<>();
            all.stream().filter(c -> c.leadOfficer().equals(leadOfficer)).forEach(c -> theirs.add(c.id()));
            await().atMost(Duration.ofMinutes(3)).untilAsserted(() ->
                    assertThat(leadOfficerNotices(leadTokens.get(leadOfficer))).containsAll(theirs));
            List<String> notices = leadOfficerNotices(leadTokens.get(leadOfficer));
            theirs.forEach(id -> assertThat(notices.stream().filter(id::equals)).as("%s's notices of %s", leadOfficer, id).hasSize(1));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, Object> consumerConfig() throws Exception {
        Map<String, Object> config = new HashMap<>(RunningStack.get().kafkaClient("admin"));
        config.put("group.id", "crash-drill-" + System.nanoTime());
        config.put("auto.offset.reset", "earliest");
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        return config;
    }

    private static SimpleClientHttpRequestFactory timeouts() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(5));
        factory.setReadTimeout(Duration.ofSeconds(30));
        return factory;
    }

    private static String tokenFor(String username) {
        return RunningStack.tokenFor(http, username);
    }

    private static ResponseEntity<JsonNode> get(String path, String token) {
        return RunningStack.get(http, path, token);
    }

    private static ResponseEntity<JsonNode> openCase(String token, String title, String leadOfficer, String team) {
        return http.post().uri("http://localhost:" + LocalStack.GATEWAY_PORT + "/api/v1/cases")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body("{\"type\":\"ASB_PERSONAL\",\"title\":\"" + title + "\",\"leadOfficer\":\"" + leadOfficer
                        + "\",\"team\":\"" + team + "\"}")
                .retrieve().toEntity(JsonNode.class);
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
}
