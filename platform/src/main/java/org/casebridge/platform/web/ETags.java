package org.casebridge.platform.web;

import org.springframework.http.HttpStatus;

/** A resource's ETag is its version; updates must send it back in {@code If-Match}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @return the version the client last saw
     * @throws PreconditionException 428 when the header is missing, 412 when it cannot be a version of ours
     */
    public static long requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionException(HttpStatus.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag you last read, so concurrent changes are not overwritten.");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new PreconditionException(HttpStatus.PRECONDITION_FAILED, "If-Match does not match the current version.");
        }
    }

    public static PreconditionException stale() {
        return new PreconditionException(HttpStatus.PRECONDITION_FAILED,
                "Someone else changed this record since you read it; reload it and try again.");
    }
}
