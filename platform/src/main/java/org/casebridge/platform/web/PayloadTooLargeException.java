package org.casebridge.platform.web;

/** The request body is over {@code casebridge.http.max-body-size}. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
