package org.casebridge.sharing.requests.app;

import java.time.Duration;

/** A user asked for access too often: answered 429 with Retry-After, nothing stored. */
public class TooManyRequests extends RuntimeException {

    private final int limit;
    private final Duration window;
    private final Duration retryAfter;

    TooManyRequests(int limit, Duration window, Duration retryAfter) {
        super("too many access requests");
        this.limit = limit;
        this.window = window;
        this.retryAfter = retryAfter;
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
