package org.casebridge.sharing.webhooks.api;

import org.casebridge.platform.web.Problems;
import org.casebridge.sharing.webhooks.domain.WebhooksNotSetUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** No key to encrypt webhook secrets with: webhooks are off here (503), the operator sets the key (runbook). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebhooksOffAdvice {

    private static final Logger log = LoggerFactory.getLogger(WebhooksOffAdvice.class);

    @ExceptionHandler(WebhooksNotSetUp.class)
    ResponseEntity<ProblemDetail> off(WebhooksNotSetUp e) {
        log.error("{}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "Webhooks unavailable", "Webhooks are not set up on this deployment; ask its operator."));
    }
}
