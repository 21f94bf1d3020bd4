package org.casebridge.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import reactor.core.publisher.Mono;

/**
 * Each caller may make {@code per-second} requests a second; the excess gets a 429 problem with Retry-After at once,
 * so a burst from one client cannot starve the others or overload the services. A caller is its bearer token (a
 * digest of it), or its address when it has none. This runs before the token is verified, so a flood is turned away
 * for almost nothing, and keying on the token itself (not a claim inside it) means a forged token can only spend its
 * own allowance, never someone else's. Resilience4j rate limiters in this instance's memory, kept while in use.
 */
@Component
class RateLimits implements WebFilter, Ordered {

    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).maximumSize(100_000).build();
    private final Problems problems;

    RateLimits(@Value("${casebridge.gateway.rate-limit.per-second:50}") int perSecond, Problems problems) {
        this.config = RateLimiterConfig.custom().limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RateLimiter limiter = limiters.get(callerOf(exchange), caller -> RateLimiter.of(caller, config));
        if (limiter.acquirePermission()) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "More than " + config.getLimitForPeriod() + " requests a second from one caller; try again in a second.");
    }

    private static String callerOf(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "token:" + sha256(authorization.substring(7).trim());
        }
        var address = exchange.getRequest().getRemoteAddress();
        return "address:" + (address == null ? "unknown" : address.getAddress().getHostAddress());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** After the request id and the body limit, before authentication. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
