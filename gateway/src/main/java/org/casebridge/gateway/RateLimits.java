package org.casebridge.gateway;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import reactor.core.publisher.Mono;

/**
 * Each caller (the token's subject, or the address for anonymous probes) may make {@code per-second} requests a
 * second; the excess gets a 429 problem with Retry-After at once, so a burst from one client cannot starve the
 * others or overload the services. Resilience4j's rate limiter, one per caller, in this instance's memory.
 */
@Component
class RateLimits implements WebFilter, Ordered {

    private final RateLimiterRegistry limiters;
    private final Problems problems;

    RateLimits(@Value("${casebridge.gateway.rate-limit.per-second:50}") int perSecond, Problems problems) {
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = exchange.getRequest().getRemoteAddress() == null ? "unknown"
                : exchange.getRequest().getRemoteAddress().getAddress().getHostAddress();
        return exchange.getPrincipal().map(principal -> "user:" + principal.getName()).defaultIfEmpty("address:" + address)
                .flatMap(caller -> {
                    RateLimiter limiter = limiters.rateLimiter(caller);
                    if (limiter.acquirePermission()) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set("Retry-After", "1");
                    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                            "More than " + limiter.getRateLimiterConfig().getLimitForPeriod()
                                    + " requests a second from one caller; try again in a second.");
                });
    }

    /** After authentication, so the caller is known. */
    @Override
    public int getOrder() {
        return 0;
    }
}
