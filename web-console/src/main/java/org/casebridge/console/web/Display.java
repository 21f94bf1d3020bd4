package org.casebridge.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The practitioners' words for the API's codes and times, for the templates ({@code ${@display.label(c.status)}}).
 * Times are shown in UK time, as the partnership works.
 */
@Component("display")
public class Display {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("ASB_PERSONAL", "ASB – personal"), Map.entry("ASB_NUISANCE", "ASB – nuisance"),
            Map.entry("ASB_ENVIRONMENTAL", "ASB – environmental"), Map.entry("REFERRAL", "Referral"),
            Map.entry("OPEN", "Open"), Map.entry("REVIEW", "Under review"), Map.entry("CLOSED", "Closed"),
            Map.entry("VERY_HIGH", "Very high"), Map.entry("MEETING_DECISION", "Meeting decision"),
            Map.entry("PARTNER_UPDATE", "Partner update"), Map.entry("CONTRIBUTE", "Contribute"),
            Map.entry("IN_PROGRESS", "In progress"), Map.entry("ESCALATED_TO_ENFORCEMENT", "Escalated to enforcement"),
            Map.entry("NO_FURTHER_ACTION", "No further action"));

    /** ASB_PERSONAL → "ASB – personal", LOCATION_OF_CONCERN → "Location of concern". */
    public String label(Object code) {
        if (code == null) {
            return "";
        }
        String text = code.toString();
        String known = WORDS.get(text);
        if (known != null) {
            return known;
        }
        String words = text.replace('_', ' ').toLowerCase(Locale.UK);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public String date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        String text = value.toString();
        return text.length() == 10 ? LocalDate.parse(text).format(DATE) : Instant.parse(text).atZone(UK).format(DATE);
    }

    public String time(Object value) {
        return value == null ? "" : Instant.parse(value.toString()).atZone(UK).format(TIME);
    }

    /** The GOV.UK tag colour for a risk band or status. */
    public String tagClass(Object code) {
        if (code == null) {
            return "govuk-tag--grey";
        }
        return switch (code.toString()) {
            case "LOW", "COMPLETED", "CLOSED" -> "govuk-tag--green";
            case "MEDIUM", "REVIEW", "REFERRAL", "NEW" -> "govuk-tag--yellow";
            case "HIGH", "OVERDUE", "DECLINED" -> "govuk-tag--orange";
            case "VERY_HIGH", "URGENT" -> "govuk-tag--red";
            default -> "govuk-tag--blue";
        };
    }
}
