package org.casebridge.parties.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.casebridge.platform.domain.DomainException;

/**
 * A date of birth as precisely as the practitioner knows it: a year ({@code 1980}), a month ({@code 1980-02})
 * or a day ({@code 1980-02-14}). Victims and perpetrators often give only an age or a year, so a partial date is
 * better than a made-up 1 January.
 */
public record DateOfBirth(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    /** Earlier years are typing errors ("0198"), not people. */
    private static final int EARLIEST_YEAR = 1900;

    public DateOfBirth {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw DomainException.invalid("A date of birth is YYYY, YYYY-MM or YYYY-MM-DD.");
        }
        if (earliestDay(value).getYear() < EARLIEST_YEAR) {
            throw DomainException.invalid("A date of birth cannot be before " + EARLIEST_YEAR + ": " + value);
        }
    }

    /** The first day the person could have been born on: the date itself when it is known to the day. */
    public LocalDate earliestDay() {
        return earliestDay(value);
    }

    private static LocalDate earliestDay(String value) {
        try {
            return switch (value.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(value), 1, 1);
                case 7 -> YearMonth.parse(value).atDay(1);
                default -> LocalDate.parse(value); // strict: 1980-02-30 does not exist
            };
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("There is no such date: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
