package org.casebridge.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where route {@code no-such-api-path} sends an {@code /api/**} or {@code /actuator/**} path no service claims: a
 * 404 problem like any other, instead of the console's sign-in redirect (which an API client cannot follow).
 */
@RestController
class NoSuchPath {

    @RequestMapping("/fallback/no-such-path")
    ResponseEntity<ProblemDetail> notFound(ServerWebExchange exchange) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.NOT_FOUND, EdgeProblems.title(HttpStatus.NOT_FOUND),
                        EdgeProblems.detail(HttpStatus.NOT_FOUND), RequestIds.of(exchange)));
    }
}
