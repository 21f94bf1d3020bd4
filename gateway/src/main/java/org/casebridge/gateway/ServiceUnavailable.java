package org.casebridge.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Where a route's circuit breaker sends a request when its service is down, slow or failing. */
@RestController
class ServiceUnavailable {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailable.class);

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> fallback(@PathVariable String service, ServerWebExchange exchange) {
        // the operator needs the cause (refused, timed out, circuit open...); the caller gets only the problem
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        log.warn("Answering for {} [{}]: {}", service, RequestIds.of(exchange), cause == null ? "no cause recorded" : cause.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "10")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        service + " is not answering just now; please try again shortly.", RequestIds.of(exchange)));
    }
}
