package org.casebridge.parties.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casebridge.platform.domain.DomainException;

/**
 * Checks an identifier's format and check character, and gives it the one spelling matching compares: upper case,
 * no spaces. Error messages do not repeat the value, because they end up in logs.
 */
public final class Identifiers {

    private static final Pattern NHS = Pattern.compile("\\d{10}");
    /**
     * HMRC rules: neither prefix letter is D, F, I, Q, U or V; the second is not O; BG, GB, KN, NK, NT, TN and ZZ are
     * never issued; six digits; suffix A to D.
     */
    private static final Pattern NINO = Pattern.compile(
            "(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\\d{6}[A-D]");
    private static final Pattern PNC = Pattern.compile("(\\d{2}|\\d{4})/(\\d{1,7})([A-Z])");
    private static final String PNC_CHECK_LETTERS = "ZABCDEFGHJKLMNPQRSTUVWXY";
    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9\\-/.]{1,50}");

    private Identifiers() {
    }

    /** @param scheme "PNC", "NHS", "NINO", "TENANCY", "PARTNER" or "PARTNER:&lt;organisation&gt;" */
    public static String normalise(String scheme, String value) {
        return normalise(IdentifierScheme.of(scheme), value);
    }

    public static String normalise(IdentifierScheme scheme, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("The " + scheme.label() + " is missing.");
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        return switch (scheme) {
            case NHS -> nhs(upper.replaceAll("[\\s-]", ""));
            case NINO -> nino(upper.replaceAll("\\s", ""));
            case PNC -> pnc(upper.replaceAll("\\s", ""));
            case TENANCY, PARTNER -> reference(scheme, upper);
        };
    }

    private static String nhs(String digits) {
        if (!NHS.matcher(digits).matches()) {
            throw DomainException.invalid("An NHS number is 10 digits, for example 943 476 5919.");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        // a remainder giving 10 is never issued, so no final digit can satisfy it
        if (check == 10 || check != digits.charAt(9) - '0') {
            throw DomainException.invalid("That is not a valid NHS number: the check digit does not match. "
                    + "Check for a mistyped digit.");
        }
        return digits;
    }

    private static String nino(String value) {
        if (!NINO.matcher(value).matches()) {
            throw DomainException.invalid("A National Insurance number is two letters, six digits and a letter "
                    + "A to D, for example AB 12 34 56 C, and some letter pairs are never issued.");
        }
        return value;
    }

    /** YY/NNNNNNNL or YYYY/NNNNNNNL, kept as written apart from case and spaces. */
    private static String pnc(String value) {
        Matcher parts = PNC.matcher(value);
        if (!parts.matches()) {
            throw DomainException.invalid("A PNC number is a year, a slash, up to seven digits and a check letter, "
                    + "for example 12/1234567C.");
        }
        String year = parts.group(1).substring(parts.group(1).length() - 2);
        long number = Long.parseLong(year + String.format("%07d", Integer.parseInt(parts.group(2))));
        char expected = PNC_CHECK_LETTERS.charAt((int) (number % 23));
        if (parts.group(3).charAt(0) != expected) {
            throw DomainException.invalid("That is not a valid PNC number: the check letter does not match. "
                    + "Check the year and digits.");
        }
        return value;
    }

    private static String reference(IdentifierScheme scheme, String value) {
        if (!REFERENCE.matcher(value).matches()) {
            throw DomainException.invalid("A " + scheme.label() + " is 1 to 50 letters, digits, '-', '/' or '.'.");
        }
        return value;
    }
}
