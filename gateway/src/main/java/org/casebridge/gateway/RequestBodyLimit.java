package org.casebridge.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a body declared larger than {@code casebridge.http.max-body-size} with a 413 problem before it reaches a
 * service. A chunked body without a length passes here; each service cuts it off at its own, smaller limit.
 */
@Component
class RequestBodyLimit implements WebFilter, Ordered {

    private final long maxBytes;
    private final Problems problems;

    RequestBodyLimit(@Value("${casebridge.http.max-body-size:1MB}") DataSize maxBodySize, Problems problems) {
        this.maxBytes = maxBodySize.toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "Request bodies are limited to " + maxBytes + " bytes.");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
