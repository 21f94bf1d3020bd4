package org.casebridge.platform.kafka;

/**
 * Thrown by a handler whose record is good but cannot be applied until something it depends on has arrived on another
 * topic (e.g. a case event before sharing-service's access decision on the case). Like a database outage it is not
 * the record's fault: the listener retries it with growing pauses, capped, for as long as it takes, and never sends
 * it to the dead-letter topic. Records behind it on the same partition wait with it, which keeps their order.
 */
public class NotYetKnown extends RuntimeException {

    public NotYetKnown(String message) {
        super(message);
    }

    static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotYetKnown) {
                return true;
            }
        }
        return false;
    }
}
