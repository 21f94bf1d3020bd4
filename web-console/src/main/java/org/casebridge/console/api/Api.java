package org.casebridge.console.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CaseBridge API through the gateway, called with the signed-in user's own access token: the console sees
 * exactly what the user may see, no more. Answers come back as plain maps for the templates; a problem's field
 * errors come back with it so a form can show them beside their fields.
 * <p>
 * The token is read from the request's session, so {@link #get} and friends work only on the request's own thread.
 * To read side by side on other threads, take {@link #asUser()} on the request thread and call through it.
 */
@Component
public class Api {

    private static final Logger log = LoggerFactory.getLogger(Api.class);

    private final RestClient http;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final JsonMapper json;

    Api(@Value("${casebridge.console.api-uri}") String apiUri, OAuth2AuthorizedClientRepository authorizedClients) {
        this.http = RestClient.builder().baseUrl(apiUri).defaultStatusHandler(status -> true, (request, response) -> { }).build();
        this.authorizedClients = authorizedClients;
        this.json = JsonMapper.builder().build();
    }

    public Answer get(String path, Object... variables) {
        return asUser().get(path, variables);
    }

    public Answer post(String path, Object body, Object... variables) {
        return asUser().post(path, body, variables);
    }

    public Answer call(HttpMethod method, String path, Object body, Consumer<HttpHeaders> headers, Object... variables) {
        return asUser().call(method, path, body, headers, variables);
    }

    /** The signed-in user's token, taken now on the request thread, for calls made from any thread. */
    public Caller asUser() {
        return new Caller(accessToken());
    }

    /** Calls the API with one user's token; safe to use from other threads than the request's. */
    public final class Caller {

        private final String token;

        private Caller(String token) {
            this.token = token;
        }

        public Answer get(String path, Object... variables) {
            return call(HttpMethod.GET, path, null, headers -> { }, variables);
        }

        public Answer post(String path, Object body, Object... variables) {
            return call(HttpMethod.POST, path, body, headers -> { }, variables);
        }

        public Answer call(HttpMethod method, String path, Object body, Consumer<HttpHeaders> headers, Object... variables) {
            RestClient.RequestBodySpec request = http.method(method).uri(path, variables)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .headers(headers);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            ResponseEntity<String> response = request.retrieve().toEntity(String.class);
            Object parsed = response.getBody() == null || response.getBody().isBlank() ? null
                    : json.readValue(response.getBody(), Object.class);
            Answer answer = new Answer(response.getStatusCode().value(), parsed, response.getHeaders().getETag());
            if (answer.status() == 401) {
                throw new SignInAgain();
            }
            if (answer.status() >= 500) {
                // the path as written here (its variables not filled in), so no name or search words reach the log
                log.warn("API answered {} to {} {}: {} [request {}]", answer.status(), method, path,
                        abbreviated(answer.detail()), answer.map().getOrDefault("requestId", "unknown"));
                throw new ServiceUnavailable(answer.detail());
            }
            return answer;
        }
    }

    private static String abbreviated(String detail) {
        return detail.length() <= 200 ? detail : detail.substring(0, 200) + "…";
    }

    /** The user's access token, kept in their session since they signed in; never sent to the browser. */
    public String accessToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient("casebridge", authentication, request);
        if (client == null || client.getAccessToken().getExpiresAt() != null
                && client.getAccessToken().getExpiresAt().isBefore(java.time.Instant.now().plusSeconds(10))) {
            throw new SignInAgain();
        }
        return client.getAccessToken().getTokenValue();
    }

    /** One answer of the API: its status, its JSON as maps and lists, and its ETag. */
    public record Answer(int status, Object body, String etag) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return body instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> items() {
            Object items = map().get("items");
            return items instanceof List<?> l ? (List<Map<String, Object>>) l : list();
        }

        public String detail() {
            Object detail = map().get("detail");
            return detail == null ? "Something went wrong." : detail.toString();
        }

        /** Field name to message, from a problem's field errors (the platform's {@code errors} list). */
        public Map<String, String> fieldErrors() {
            Map<String, String> errors = new LinkedHashMap<>();
            Object list = map().get("errors");
            if (list instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> e && e.get("field") != null) {
                        errors.putIfAbsent(e.get("field").toString(), String.valueOf(e.get("message")));
                    }
                }
            }
            return errors;
        }

        /** The resource is not there for this user: it does not exist, or they may not know it does. */
        public Answer orNotFound() {
            if (status == 404) {
                throw new NotFound();
            }
            return this;
        }
    }

    /** The user's token is missing or has expired: the console sends them through sign-in again. */
    public static class SignInAgain extends RuntimeException {
        SignInAgain() {
            super("sign in again", null, false, false);
        }
    }

    /** Shown as the same "Page not found" as a mistyped address. */
    public static class NotFound extends RuntimeException {
        public NotFound() {
            super("not found", null, false, false);
        }
    }

    public static class ServiceUnavailable extends RuntimeException {
        ServiceUnavailable(String detail) {
            super(detail, null, false, false);
        }
    }
}
