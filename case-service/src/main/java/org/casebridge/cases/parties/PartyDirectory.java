package org.casebridge.cases.parties;

import java.time.Duration;

import org.casebridge.cases.domain.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Asks party-service, with the caller's own token, whether the caller may see a person or location before a case
 * links it: party-service alone knows who holds a record of whom. Guarded by the {@code party-service} circuit
 * breaker and a time limit; no answer is {@link Unavailable}, never a yes.
 */
@Component
public class PartyDirectory {

    private static final Logger log = LoggerFactory.getLogger(PartyDirectory.class);

    private final RestClient http;
    private final CircuitBreakerFactory<?, ?> breakers;

    PartyDirectory(CircuitBreakerFactory<?, ?> breakers, @Value("${casebridge.parties.uri}") String uri,
            @Value("${casebridge.parties.timeout:3s}") Duration timeout) {
        this.breakers = breakers;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().baseUrl(uri).requestFactory(requests).build();
    }

    /** Whether the current caller may see the person or location: false for one they may not, or that does not exist. */
    public boolean visibleToCaller(Link.Target target, String id) {
        String path = switch (target) {
            case PERSON -> "/api/v1/parties/people/{id}/visible";
            case LOCATION -> "/api/v1/parties/locations/{id}";
            case CASE -> throw new IllegalArgumentException("cases are case-service's own");
        };
        String bearer = callersToken();
        return breakers.create("party-service").run(() -> {
            HttpStatusCode status = http.get().uri(path, id).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                    .exchange((request, response) -> response.getStatusCode());
            if (status.is2xxSuccessful()) {
                return true;
            }
            if (status.value() == 404) {
                return false;
            }
            throw new Unavailable("party-service answered " + status.value());
        }, failure -> {
            log.warn("Could not ask party-service about {} {}: {}", target, id, failure.toString());
            throw failure instanceof Unavailable unavailable ? unavailable : new Unavailable(failure.toString());
        });
    }

    private static String callersToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getTokenValue();
        }
        throw new IllegalStateException("no bearer token to ask party-service with");
    }

    /** party-service could not say (down, slow, circuit open, an unexpected answer): the caller is asked to retry. */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String why) {
            super(why);
        }
    }
}
