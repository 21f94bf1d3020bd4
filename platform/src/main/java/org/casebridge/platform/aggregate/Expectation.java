package org.casebridge.platform.aggregate;

import org.casebridge.platform.web.ETags;

/**
 * What a change expects of the aggregate it changes: the version the caller last read (from {@code If-Match}), or any
 * version, for additions that never overwrite each other. The API turns the header into one of these; the use case
 * passes it into the change, which answers 412 when the stored version is another.
 *
 * @param version the expected version, or null for any
 */
public record Expectation(Long version) {

    private static final Expectation ANY = new Expectation(null);

    public static Expectation anyVersion() {
        return ANY;
    }

    public static Expectation version(long version) {
        return new Expectation(version);
    }

    /** {@code If-Match} is required: 428 when missing, 412 when it cannot be a version. */
    public static Expectation ifMatch(String ifMatch) {
        return version(ETags.requireIfMatch(ifMatch));
    }

    /** {@code If-Match} if the caller sent one, else any version. */
    public static Expectation ifMatchIfGiven(String ifMatch) {
        return ifMatch == null ? ANY : ifMatch(ifMatch);
    }

    /** @throws org.casebridge.platform.web.PreconditionException 412 when {@code current} is not the version expected */
    public void check(long current) {
        if (version != null && version != current) {
            throw ETags.stale();
        }
    }
}
