package org.casebridge.gateway;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
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
 * so a burst from one client cannot starve the others or overload the services. A caller is the verified principal
 * (organisation and subject of a token the gateway has checked), so minting or inventing tokens gives no fresh
 * allowance and junk never takes a place in the cache; a request without a token (the console's pages, health) is
 * its address. Requests whose token fails the check never get this far: they share one small allowance of 401s
 * ({@link #refuseUnverified}), then 429. Resilience4j rate limiters in this instance's memory, kept while in use.
 */
@Component
class RateLimits implements WebFilter, Ordered {

    private final RateLimiterConfig config;
    private final RateLimiter unverified;
    private final Cache<String, RateLimiter> limiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).maximumSize(100_000).build();
    private final Problems problems;

    RateLimits(@Value("${casebridge.gateway.rate-limit.per-second}") int perSecond,
            @Value("${casebridge.gateway.rate-limit.unverified-per-second}") int unverifiedPerSecond, Problems problems) {
        this.config = perSecond(perSecond);
        this.unverified = RateLimiter.of("unverified", perSecond(unverifiedPerSecond));
        this.problems = problems;
    }

    private static RateLimiterConfig perSecond(int limit) {
        return RateLimiterConfig.custom().limitForPeriod(limit)
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal().map(RateLimits::callerOf).defaultIfEmpty(addressOf(exchange))
                .flatMap(caller -> {
                    RateLimiter limiter = limiters.get(caller, name -> RateLimiter.of(name, config));
                    return limiter.acquirePermission() ? chain.filter(exchange)
                            : tooMany(exchange, config.getLimitForPeriod() + " requests a second from one caller");
                });
    }

    /** Every token that fails verification, whoever sent it, spends from this one allowance. */
    Mono<Void> refuseUnverified(ServerWebExchange exchange, Supplier<Mono<Void>> unauthorized) {
        return unverified.acquirePermission() ? unauthorized.get()
                : tooMany(exchange, unverified.getRateLimiterConfig().getLimitForPeriod()
                        + " requests a second without a valid token, from all callers together");
    }

    private Mono<Void> tooMany(ServerWebExchange exchange, String limit) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "More than " + limit + "; try again in a second.");
    }

    private static String callerOf(java.security.Principal principal) {
        if (principal instanceof JwtAuthenticationToken jwt) {
            // the organisation is part of the key: two issuers may each have a user "jo.smith"
            return "user:" + jwt.getToken().getClaimAsString("org") + ":" + jwt.getToken().getSubject();
        }
        return "principal:" + principal.getName();
    }

    private static String addressOf(ServerWebExchange exchange) {
        var address = exchange.getRequest().getRemoteAddress();
        return "address:" + (address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress());
    }

    /** After Spring Security's filter chain (order -100), so the principal is known. */
    @Override
    public int getOrder() {
        return 0;
    }
}
