package org.casebridge.platform.web;

import org.springframework.http.HttpStatus;

/** A missing (428) or stale (412) {@code If-Match}. */
public class PreconditionException extends RuntimeException {

    private final HttpStatus status;

    public PreconditionException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
