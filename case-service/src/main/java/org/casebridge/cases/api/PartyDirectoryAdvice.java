package org.casebridge.cases.api;

import org.casebridge.cases.parties.PartyDirectory;
import org.casebridge.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** party-service could not say whether the caller may see what they link: 503 with Retry-After, nothing linked. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartyDirectoryAdvice {

    @ExceptionHandler(PartyDirectory.Unavailable.class)
    ResponseEntity<ProblemDetail> unavailable(PartyDirectory.Unavailable e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        "People and locations cannot be checked just now; please try again shortly."));
    }
}
