package org.casebridge.parties.domain;

import java.util.Locale;
import java.util.regex.Pattern;

import org.casebridge.platform.domain.DomainException;

/**
 * A UK postcode, stored as Royal Mail writes it ({@code TS18 1AB}) whatever spacing or case it was typed in, so
 * "ts181ab" and "TS18 1AB" find the same people and places.
 */
public record Postcode(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");
    private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");

    public static Postcode of(String typed) {
        String compact = compact(typed);
        if (!SHAPE.matcher(compact).matches()) {
            throw DomainException.invalid("Not a UK postcode: " + typed);
        }
        return new Postcode(compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
    }

    /** Null stays null: a postcode is often not known. */
    public static String normalise(String typed) {
        return typed == null || typed.isBlank() ? null : of(typed).value();
    }

    /**
     * What a search for {@code typed} should match: a whole postcode, or the outward code ({@code TS18}) for an area.
     * Returns the normalised whole postcode, or the outward code followed by a space.
     */
    public static String searchPrefix(String typed) {
        String compact = compact(typed);
        if (OUTWARD.matcher(compact).matches()) {
            return compact + " ";
        }
        return of(typed).value();
    }

    /** The district part ({@code TS18}), which neighbours share. */
    public String outward() {
        return value.substring(0, value.indexOf(' '));
    }

    private static String compact(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
