package org.casebridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.casebridge.platform.sample.SampleApplication;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies mean exactly what they say, or they are a 400 problem and nothing is stored. */
@RealInfrastructure
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrictInputIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JsonMapper json;

    private final String token = DemoUsers.JO_SMITH.token();

    private ResponseEntity<JsonNode> post(String path, String body) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private long stored() {
        return mongo.getCollection("samples").countDocuments() + mongo.getCollection("profiles").countDocuments();
    }

    @Test
    void aDuplicateKeyIsRefusedNotLastOneWins() {
        long before = stored();
        var response = post("/api/v1/samples", "{\"title\":\"a\",\"title\":\"b\"}");
        assertFieldProblem(response, "Malformed request", "title");
        assertThat(response.getBody().get("detail").asString()).contains("'title'").contains("more than once");
        assertFieldProblem(post("/api/v1/sample-profiles", "{\"name\":\"Jo\",\"address\":{\"line1\":\"1 Elm Road\",\"line1\":\"2\"}}"),
                "Malformed request", "address.line1");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void noScalarIsCoercedIntoAnotherType() {
        long before = stored();
        var number = post("/api/v1/samples", "{\"title\": 12345}");
        assertFieldProblem(number, "Malformed request", "title");
        assertThat(number.getBody().get("errors").get(0).get("message").asString()).isEqualTo("must be a string");
        assertFieldProblem(post("/api/v1/samples", "{\"title\": 1.5}"), "Malformed request", "title");
        assertFieldProblem(post("/api/v1/samples", "{\"title\": true}"), "Malformed request", "title");
        assertFieldProblem(post("/api/v1/sample-profiles", "{\"name\":\"Jo\",\"urgent\":\"true\"}"), "Malformed request", "urgent");
        assertFieldProblem(post("/api/v1/sample-profiles", "{\"name\":\"Jo\",\"urgent\":1}"), "Malformed request", "urgent");
        assertFieldProblem(post("/api/v1/sample-profiles", "{\"name\":\"Jo\",\"score\":\"7\"}"), "Malformed request", "score");
        assertFieldProblem(post("/api/v1/sample-profiles", "{\"name\":\"Jo\",\"score\":7.5}"), "Malformed request", "score");
        assertFieldProblem(post("/api/v1/sample-profiles", "{\"name\":\"Jo\",\"priority\":1}"), "Malformed request", "priority");
        assertFieldProblem(post("/api/v1/sample-profiles", "{\"name\":\"Jo\",\"tags\":[\"a\", 2]}"), "Malformed request", "tags.1");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        long before = stored();
        var response = post("/api/v1/samples", "{\"title\":\"Noise\",\"titel\":\"Noise\"}");
        assertFieldProblem(response, "Malformed request", "titel");
        assertThat(response.getBody().get("detail").asString()).contains("'titel'");
        assertFieldProblem(post("/api/v1/sample-profiles", "{\"name\":\"Jo\",\"address\":{\"line1\":\"x\",\"town\":\"y\"}}"),
                "Malformed request", "address.town");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void controlAndBidiOverrideCharactersAreFieldErrors() {
        long before = stored();
        var nul = post("/api/v1/samples", "{\"title\":\"Noise\\u0000at Elm Road\"}");
        assertFieldProblem(nul, "Invalid request", "title");
        assertThat(nul.getBody().get("errors").get(0).get("message").asString()).contains("control characters").contains("U+0000");
        assertFieldProblem(post("/api/v1/samples", "{\"title\":\"bell\\u0007\"}"), "Invalid request", "title");
        assertFieldProblem(post("/api/v1/samples", "{\"title\":\"esc\\u001b[31m\"}"), "Invalid request", "title");
        assertFieldProblem(post("/api/v1/samples", "{\"title\":\"c1\\u0085\"}"), "Invalid request", "title");
        var bidi = post("/api/v1/sample-profiles", "{\"name\":\"Jo \\u202Ehtims\"}");
        assertFieldProblem(bidi, "Invalid request", "name");
        assertThat(bidi.getBody().get("errors").get(0).get("message").asString()).contains("bidirectional").contains("U+202E");
        for (String bad : new String[] {"\\u202A", "\\u202B", "\\u202C", "\\u202D", "\\u2066", "\\u2067", "\\u2068", "\\u2069"}) {
            assertFieldProblem(post("/api/v1/sample-profiles", "{\"name\":\"Jo" + bad + "\"}"), "Invalid request", "name");
        }
        assertFieldProblem(post("/api/v1/sample-profiles", "{\"name\":\"Jo\",\"tags\":[\"ok\",\"b\\u0000d\"]}"), "Invalid request", "tags.1");
        assertFieldProblem(post("/api/v1/sample-profiles", "{\"name\":\"Jo\",\"contacts\":{\"phone\":\"\\u202E123\"}}"),
                "Invalid request", "contacts.phone");
        assertFieldProblem(post("/api/v1/sample-profiles", "{\"name\":\"Jo\",\"address\":{\"line1\":\"1\\u0000\"}}"),
                "Invalid request", "address.line1");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void legitimateInputStillReadsEnumsDatesLineBreaksAndScripts() {
        var created = post("/api/v1/sample-profiles", """
                {"name":"Zoë O'Brien-حسن \u05d3\u05d5\u05d3 \u200f","notes":"Line one\\nLine two\\r\\n\\tindented","priority":"HIGH",
                 "urgent":true,"score":7,"due":"2026-03-01T09:30:00Z","born":"1990-05-17","tags":["asb","noise"],
                 "contacts":{"phone":"01642 000000"},"address":{"line1":"1 Elm Road","postcode":"TS18 1AA"}}
                """);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("notes").asString()).isEqualTo("Line one\nLine two\r\n\tindented");
        assertThat(created.getBody().get("priority").asString()).isEqualTo("HIGH");
        assertThat(post("/api/v1/samples", "{\"title\":\"Noise at Elm Road\"}").getStatusCode().value()).isEqualTo(201);
    }

    /** A client that sends its whole body before it reads (most do) must get the 413, not a reset connection. */
    @Test
    void aTenMegabyteBodyGetsA413ProblemNotAReset() throws IOException {
        long before = stored();
        byte[] body = ("{\"title\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/samples HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        assertTooLarge(sendWholeThenRead(head, body));

        // chunked, no length: cut off at the limit while being read
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += 64 * 1024) {
            int n = Math.min(64 * 1024, body.length - i);
            chunked.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(body, i, n);
            chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String chunkedHead = "POST /api/v1/samples HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertTooLarge(sendWholeThenRead(chunkedHead, chunked.toByteArray()));
        assertThat(stored()).isEqualTo(before);
    }

    private String sendWholeThenRead(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < body.length; i += 64 * 1024) {
                out.write(body, i, Math.min(64 * 1024, body.length - i));
            }
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** Reads one response: the head, then Content-Length bytes of body. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            read.write(b);
            byte[] sofar = read.toByteArray();
            if (sofar.length >= 4 && Arrays.equals(Arrays.copyOfRange(sofar, sofar.length - 4, sofar.length),
                    "\r\n\r\n".getBytes(StandardCharsets.US_ASCII))) {
                break;
            }
        }
        String head = read.toString(StandardCharsets.ISO_8859_1);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(line(in), 16)) > 0) {
                body.write(in.readNBytes(size));
                line(in);
            }
            return head + body.toString(StandardCharsets.UTF_8);
        }
        int length = head.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void assertTooLarge(String response) {
        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(json.readTree(body).get("title").asString()).isEqualTo("Request body too large");
    }

    private static void assertFieldProblem(ResponseEntity<JsonNode> response, String title, String field) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("title").asString()).isEqualTo(title);
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
