package org.casebridge.platform.test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * Calls a service's API as a client would, with a bearer token, and hands back every answer (4xx and 5xx too) so a
 * test can assert on it.
 */
public final class ApiClient {

    private final RestClient http;

    public ApiClient(String baseUrl) {
        this.http = RestClient.builder().baseUrl(baseUrl).defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public static ApiClient onPort(int port) {
        return new ApiClient("http://localhost:" + port);
    }

    /**
     * @param ifMatch sent as {@code If-Match} when not null
     * @param jsonBody sent as {@code application/json} when not null
     */
    public ResponseEntity<JsonNode> call(HttpMethod method, String path, String token, String ifMatch, String jsonBody) {
        var request = http.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (jsonBody != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    /** A POST with an {@code Idempotency-Key} (when not null), as a retrying mobile client sends it. */
    public ResponseEntity<JsonNode> post(String path, String token, String jsonBody, String idempotencyKey) {
        var request = http.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(String path, String token) {
        return call(HttpMethod.GET, path, token, null, null);
    }

    /** A read giving the purpose the law asks for ({@code X-Purpose}), which lands in the audit record. */
    public ResponseEntity<JsonNode> get(String path, String token, String purpose) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header("X-Purpose", purpose)
                .retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, String token, String jsonBody) {
        return call(HttpMethod.POST, path, token, null, jsonBody);
    }
}
