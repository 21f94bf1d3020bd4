package org.casebridge.parties.domain.matching;

import java.util.regex.Pattern;

/**
 * Date of birth agreement at the precision both sides know. A year-only date agreeing with a full date is weaker
 * evidence than two full dates agreeing, but it is agreement, not a conflict.
 */
final class BirthDateComparison {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private BirthDateComparison() {
    }

    static Evidence compare(String a, String b) {
        if (!known(a) || !known(b)) {
            return Evidence.NONE;
        }
        int precision = Math.min(a.length(), b.length());
        String pair = " (" + a + "/" + b + ")";
        if (a.length() == 10 && b.length() == 10) {
            if (a.equals(b)) {
                return Evidence.of(Weights.BIRTH_EXACT, "same date of birth");
            }
            if (transposed(a, b)) {
                return Evidence.of(Weights.BIRTH_TRANSPOSED, "day and month of birth swapped" + pair);
            }
        }
        if (precision >= 7 && a.substring(0, 7).equals(b.substring(0, 7))) {
            return Evidence.of(Weights.BIRTH_SAME_MONTH, "born in the same month (" + a.substring(0, 7) + ")");
        }
        if (precision == 4 && a.substring(0, 4).equals(b.substring(0, 4))) {
            return Evidence.of(Weights.BIRTH_SAME_YEAR, "same year of birth (" + a.substring(0, 4) + ")");
        }
        return Evidence.of(Weights.BIRTH_DIFFERENT, "different date of birth" + pair);
    }

    /** 1980-03-04 against 1980-04-03: British and American order, or a slip of the keyboard. */
    private static boolean transposed(String a, String b) {
        String monthA = a.substring(5, 7);
        String dayA = a.substring(8, 10);
        return a.substring(0, 4).equals(b.substring(0, 4)) && !monthA.equals(dayA)
                && monthA.equals(b.substring(8, 10)) && dayA.equals(b.substring(5, 7));
    }

    private static boolean known(String date) {
        return date != null && SHAPE.matcher(date).matches();
    }
}
