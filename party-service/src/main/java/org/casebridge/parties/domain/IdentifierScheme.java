package org.casebridge.parties.domain;

import java.util.Locale;

import org.casebridge.platform.domain.DomainException;

/** The kinds of reference partners hold for a person. */
public enum IdentifierScheme {

    /** Police National Computer number, issued to a person on their first arrest. */
    PNC("PNC number"),
    /** NHS number, England and Wales. */
    NHS("NHS number"),
    /** National Insurance number. */
    NINO("National Insurance number"),
    /** A housing provider's tenancy reference: shared by a household. */
    TENANCY("tenancy reference"),
    /** A partner organisation's own reference for the person, written {@code PARTNER:<organisation>}. */
    PARTNER("partner reference");

    private final String label;

    IdentifierScheme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads "NHS", "nino" or "PARTNER:STOCKTON_CST" (the organisation part is not this enum's business). */
    public static IdentifierScheme of(String scheme) {
        if (scheme == null || scheme.isBlank()) {
            throw DomainException.invalid("An identifier needs a scheme: one of PNC, NHS, NINO, TENANCY, PARTNER.");
        }
        String name = scheme.strip().toUpperCase(Locale.ROOT);
        int colon = name.indexOf(':');
        String kind = colon < 0 ? name : name.substring(0, colon);
        for (IdentifierScheme candidate : values()) {
            if (candidate.name().equals(kind)) {
                return candidate;
            }
        }
        throw DomainException.invalid("Unknown identifier scheme '" + scheme.strip()
                + "': use PNC, NHS, NINO, TENANCY or PARTNER.");
    }
}
