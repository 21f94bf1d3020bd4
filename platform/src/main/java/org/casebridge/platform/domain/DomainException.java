package org.casebridge.platform.domain;

/**
 * A rule of the domain refused a command. Plain Java, so domain packages may throw it without knowing
 * HTTP; the platform turns each {@link Kind} into the matching problem+json status.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        /** the resource does not exist, or the caller may not know that it does (404) */
        NOT_FOUND,
        /** the caller can see it but may not do this (403) */
        FORBIDDEN,
        /** the lifecycle or a uniqueness rule does not allow this now (409) */
        CONFLICT,
        /** the input breaks a rule the schema cannot express (422) */
        INVALID
    }

    private final Kind kind;

    public DomainException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static DomainException notFound(String what) {
        return new DomainException(Kind.NOT_FOUND, what + " not found");
    }

    public static DomainException conflict(String why) {
        return new DomainException(Kind.CONFLICT, why);
    }

    public static DomainException forbidden(String why) {
        return new DomainException(Kind.FORBIDDEN, why);
    }

    public static DomainException invalid(String why) {
        return new DomainException(Kind.INVALID, why);
    }
}
