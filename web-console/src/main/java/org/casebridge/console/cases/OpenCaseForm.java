package org.casebridge.console.cases;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a practitioner types to open a case, kept as typed so a mistake loses nothing. */
public record OpenCaseForm(String type, String title, String summary, String leadOfficer, String team, String referral,
        String reviewDay, String reviewMonth, String reviewYear, String formKey) {

    static OpenCaseForm blank(String me, String formKey) {
        return new OpenCaseForm("", "", "", me, "", "no", "", "", "", formKey);
    }

    /** The review date as the API wants it (YYYY-MM-DD), or the text typed when it is not a date (the API says so). */
    String nextReviewDate() {
        if (isBlank(reviewDay) && isBlank(reviewMonth) && isBlank(reviewYear)) {
            return null;
        }
        try {
            return java.time.LocalDate.of(Integer.parseInt(reviewYear.strip()), Integer.parseInt(reviewMonth.strip()),
                    Integer.parseInt(reviewDay.strip())).toString();
        } catch (RuntimeException notADate) {
            return "invalid";
        }
    }

    Map<String, Object> toRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", isBlank(type) ? null : type);
        body.put("title", title == null ? "" : title);
        body.put("summary", isBlank(summary) ? null : summary);
        body.put("leadOfficer", isBlank(leadOfficer) ? null : leadOfficer.strip());
        body.put("team", isBlank(team) ? null : team);
        body.put("referral", "yes".equals(referral));
        return body;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
