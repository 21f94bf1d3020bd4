package org.casebridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

/**
 * The gateway in front of a stand-in case-service (a plain HTTP server that records what reached it) and a
 * party-service that is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"casebridge.gateway.rate-limit.per-second=20", "casebridge.gateway.rate-limit.unverified-per-second=10"})
class GatewayIT {

    private static final Map<String, String> lastRequest = new ConcurrentHashMap<>();
    private static HttpServer caseService;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) throws IOException {
        caseService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        caseService.createContext("/", exchange -> {
            lastRequest.put("path", exchange.getRequestURI().toString());
            lastRequest.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            lastRequest.put("requestId", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
            byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        caseService.start();
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        registry.add("CASE_SERVICE_URI", () -> "http://127.0.0.1:" + caseService.getAddress().getPort());
        registry.add("PARTY_SERVICE_URI", () -> "http://127.0.0.1:" + nothingListens);
        registry.add("WEB_CONSOLE_URI", () -> "http://127.0.0.1:" + nothingListens);
        // the services' two test issuers: CaseBridge's own and a partner's, speaking for Thirteen Group only
        TestTokens.trustedIssuersProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stop() {
        caseService.stop(0);
    }

    private final String token = DemoUsers.JO_SMITH.token();

    private RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    /**
     * GET with a token that fails verification. Such tokens share one small allowance (another test's burst of junk may
     * have used this second's), so a 429 is asked again once the allowance is back.
     */
    private ResponseEntity<String> unverifiedGet(String path, String bearer) {
        var answer = new java.util.concurrent.atomic.AtomicReference<ResponseEntity<String>>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> {
            answer.set(get(path, bearer));
            return answer.get().getStatusCode().value() != 429;
        });
        return answer.get();
    }

    private ResponseEntity<String> get(String path, String bearer) {
        var request = client().get().uri(path);
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        return request.retrieve().toEntity(String.class);
    }

    @Test
    void anAuthenticatedRequestIsRoutedWithItsTokenAndARequestId() {
        var response = get("/api/v1/cases?limit=5", token);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(lastRequest.get("path")).isEqualTo("/api/v1/cases?limit=5");
        assertThat(lastRequest.get("authorization")).isEqualTo("Bearer " + token);
        String requestId = response.getHeaders().getFirst("X-Request-Id");
        assertThat(requestId).isNotBlank().isEqualTo(lastRequest.get("requestId"));
    }

    @Test
    void aBurstFromOneClientIsAnswered429WithRetryAfterAndOthersCarryOn() throws Exception {
        String greedy = TestTokens.practitioner("script.runner", "STOCKTON_CST", "STOCKTON_ASB");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Callable<ResponseEntity<String>>>();
            for (int i = 0; i < 80; i++) {
                calls.add(() -> get("/api/v1/cases", greedy));
            }
            var answers = new java.util.ArrayList<ResponseEntity<String>>();
            for (var f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            assertThat(answers).filteredOn(r -> r.getStatusCode().value() == 200).isNotEmpty();
            assertThat(answers).filteredOn(r -> r.getStatusCode().value() == 429).isNotEmpty().allSatisfy(r -> {
                assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            });
            assertThat(answers).allSatisfy(r -> assertThat(r.getStatusCode().value()).isIn(200, 429));
        } finally {
            pool.shutdownNow();
        }
        assertThat(get("/api/v1/cases", token).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void freshTokensForOneUserShareThatUsersAllowance() throws Exception {
        // 80 different valid tokens of one user (the teams claim differs), as someone minting tokens would hold
        var answers = burst(80, i -> TestTokens.practitioner("token.minter", "STOCKTON_CST", "TEAM_" + i));

        assertThat(answers).filteredOn(r -> r.getStatusCode().value() == 200).isNotEmpty();
        assertThat(answers).filteredOn(r -> r.getStatusCode().value() == 429).isNotEmpty();
    }

    @Test
    void junkTokensShareOneSmallAllowanceAndNeverTouchARealUsersOwn() throws Exception {
        var answers = burst(60, i -> "junk-" + i + "-" + java.util.UUID.randomUUID());

        assertThat(answers).allSatisfy(r -> assertThat(r.getStatusCode().value()).isIn(401, 429));
        assertThat(answers).filteredOn(r -> r.getStatusCode().value() == 429).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });
        assertThat(answers).filteredOn(r -> r.getStatusCode().value() == 401).hasSizeLessThanOrEqualTo(20);
        assertThat(get("/api/v1/cases", token).getStatusCode().value()).isEqualTo(200);
        // the shared allowance comes back within a second (so the other tests' 401s are not 429s)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> get("/api/v1/cases", "junk").getStatusCode().value() == 401);
    }

    private java.util.List<ResponseEntity<String>> burst(int count, java.util.function.IntFunction<String> bearer)
            throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Callable<ResponseEntity<String>>>();
            for (int i = 0; i < count; i++) {
                String each = bearer.apply(i);
                calls.add(() -> get("/api/v1/cases", each));
            }
            var answers = new java.util.ArrayList<ResponseEntity<String>>();
            for (var f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClientsOwnRequestIdIsKept() {
        var response = client().get().uri("/api/v1/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Request-Id", "mobile-7f3a").retrieve().toEntity(String.class);
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isEqualTo("mobile-7f3a");
        assertThat(lastRequest.get("requestId")).isEqualTo("mobile-7f3a");
    }

    @Test
    void noForgedOrExpiredTokenGetsPast() {
        for (String bearer : new String[] {null, TestTokens.forged("jo.smith", "STOCKTON_CST"),
                TestTokens.expired("jo.smith", "STOCKTON_CST"), "not-a-jwt"}) {
            lastRequest.clear();
            var response = get("/api/v1/cases", bearer);
            assertThat(response.getStatusCode().value()).isEqualTo(401);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getHeaders().getFirst("X-Request-Id")).isNotBlank();
            assertThat(lastRequest).isEmpty();
        }
    }

    @Test
    void aTokenWithoutAnOrganisationOrFromAnotherIssuerOrForAnotherAudienceGetsNoFurther() {
        for (String bearer : new String[] {TestTokens.withoutOrganisation("jo.smith"),
                TestTokens.token("jo.smith", " ", java.util.List.of(), java.util.List.of("PRACTITIONER")),
                TestTokens.fromIssuer("https://someone-else.example", "jo.smith", "STOCKTON_CST"),
                TestTokens.forAudience("some-other-api", "jo.smith", "STOCKTON_CST"),
                TestTokens.forAudience(null, "jo.smith", "STOCKTON_CST")}) {
            lastRequest.clear();
            var response = unverifiedGet("/api/v1/cases/transfers/incoming", bearer);
            assertThat(response.getStatusCode().value()).isEqualTo(401);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(lastRequest).isEmpty();
        }
    }

    @Test
    void aPartnersOwnIssuerIsTrustedForItsOwnOrganisationOnly() {
        lastRequest.clear();
        String tom = TestTokens.fromPartner("tom.reid", "THIRTEEN_GROUP", "THIRTEEN_TENANCY_ENFORCEMENT");
        assertThat(get("/api/v1/cases/transfers/incoming", tom).getStatusCode().value()).isEqualTo(200);
        assertThat(lastRequest.get("authorization")).isEqualTo("Bearer " + tom);

        for (String bearer : new String[] {TestTokens.fromPartner("tom.reid", "CLEVELAND_POLICE", null),
                TestTokens.fromPartnerForAudience("some-other-api", "tom.reid", "THIRTEEN_GROUP", null),
                TestTokens.fromPartner("tom.reid", null, null),
                TestTokens.fromIssuer("https://someone-else.example", "tom.reid", "THIRTEEN_GROUP")}) {
            lastRequest.clear();
            var response = unverifiedGet("/api/v1/cases/transfers/incoming", bearer);
            assertThat(response.getStatusCode().value()).isEqualTo(401);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(lastRequest).isEmpty();
        }
    }

    @Test
    void aServiceThatIsDownIsAProblem503NotAHang() {
        var response = get("/api/v1/parties/people/0123456789abcdef01234567", token);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(response.getBody()).contains("party-service is not answering");
    }

    @Test
    void aHugeBodyIsRefusedAtTheDoor() {
        lastRequest.clear();
        var response = client().post().uri("/api/v1/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body("{\"title\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}")
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isNotBlank();
        assertThat(lastRequest).isEmpty();
    }

    /** Most clients send the whole body before they read; they must get the 413, not a reset connection. */
    @Test
    void aHugeBodySentWholeBeforeReadingStillGetsTheProblem() throws IOException {
        lastRequest.clear();
        byte[] body = ("{\"title\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        String response = exchangeRaw(("POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), body);
        assertRawProblem(response, 413, "Request body too large");
        assertThat(lastRequest).isEmpty();
    }

    @Test
    void errorsAtTheEdgeAreProblemsToo() throws IOException {
        lastRequest.clear();
        // not a valid URI: Spring's adapter answered a bare 400
        assertRawProblem(rawGet("/api/v1/cases/%zz", ""), 400, "Malformed request");
        assertRawProblem(rawGet("/api/v1/cases/<script>", ""), 400, "Malformed request");
        // a request line Reactor Netty cannot decode
        assertRawProblem(exchangeRaw("GET /api/v1/cases HTTP/9.x\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), new byte[0]), 400, "Malformed request");
        // a header over the limit: Reactor Netty's 431
        assertRawProblem(rawGet("/api/v1/cases", "X-Padding: " + "x".repeat(20 * 1024) + "\r\n"), 431, "Request headers too large");
        // the security firewall's rejections
        assertRawProblem(rawGet("/api/v1/cases/a%2F..%2Fb", ""), 400, "Malformed request");
        assertRawProblem(rawGet("/api/v1/cases;jsessionid=1", ""), 400, "Malformed request");
        assertThat(lastRequest).isEmpty();
        // a route without a circuit breaker whose service is down: a 503 problem, not Boot's JSON error page
        var consoleDown = get("/cases/mine", null);
        assertThat(consoleDown.getStatusCode().value()).isEqualTo(503);
        assertThat(consoleDown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(consoleDown.getHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(consoleDown.getBody()).contains("\"title\":\"Service unavailable\"").doesNotContain("Exception");
    }

    private String rawGet(String target, String extraHeaders) throws IOException {
        return exchangeRaw(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                + extraHeaders + "\r\n").getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
    }

    /** Sends the head and the whole body, and only then reads one response (head and Content-Length bytes). */
    private String exchangeRaw(byte[] head, byte[] body) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(head);
            for (int i = 0; i < body.length; i += 64 * 1024) {
                out.write(body, i, Math.min(64 * 1024, body.length - i));
            }
            out.flush();
            var in = socket.getInputStream();
            var read = new java.io.ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                read.write(b);
                String sofar = read.toString(StandardCharsets.ISO_8859_1);
                if (sofar.endsWith("\r\n\r\n")) {
                    break;
                }
            }
            String responseHead = read.toString(StandardCharsets.ISO_8859_1);
            int length = responseHead.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                    .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
            return responseHead + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
    }

    private static void assertRawProblem(String response, int status, String title) {
        assertThat(response).startsWith("HTTP/1.1 " + status);
        String lower = response.toLowerCase(java.util.Locale.ROOT);
        assertThat(lower).contains("content-type: application/problem+json").contains("x-request-id:");
        assertThat(response.substring(response.indexOf("\r\n\r\n") + 4)).contains("\"title\":\"" + title + "\"")
                .contains("\"status\":" + status).doesNotContain("Exception");
    }

    @Test
    void anUnknownApiOrActuatorPathIsA404ProblemAndOtherPathsStillReachTheConsole() {
        lastRequest.clear();
        for (String path : java.util.List.of("/api/v2/cases", "/api/v1/no-such-thing/7", "/actuator/no-such-endpoint")) {
            var unknown = get(path, token);
            assertThat(unknown.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(unknown.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(unknown.getBody()).as(path).contains("\"title\":\"Not found\"").contains("\"requestId\"");
            assertThat(unknown.getHeaders().getLocation()).as("no redirect to the console's sign-in").isNull();
        }
        var posted = client().post().uri("/api/v1/no-such-thing").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toEntity(String.class);
        assertThat(posted.getStatusCode().value()).isEqualTo(404);
        assertThat(lastRequest).as("no service was asked").isEmpty();
        // without a token the API's paths, known or not, ask for one first
        assertThat(get("/api/v2/cases", null).getStatusCode().value()).isEqualTo(401);
        // the console keeps everything else (here it is down, so its route answers 503)
        assertThat(get("/cases/new", null).getStatusCode().value()).isEqualTo(503);
        assertThat(get("/apiary", null).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void operatorsCanProbeTheGatewayWithoutAToken() {
        assertThat(get("/actuator/health/readiness", null).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).getBody()).contains("jvm_memory_used_bytes");
    }
}
