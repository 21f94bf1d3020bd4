package org.casebridge.sharing.requests.api;

import org.casebridge.platform.web.Problems;
import org.casebridge.sharing.requests.app.TooManyRequests;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A user asked for access too often: 429 problem with Retry-After, nothing stored. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooManyRequestsAdvice {

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequests e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds() + 1);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many access requests",
                        "At most " + e.limit() + " access requests in " + e.window().toMinutes() + " minutes; try again later."));
    }
}
