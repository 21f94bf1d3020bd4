package org.casebridge.cases.domain;

import java.time.LocalDate;

/** The editable details of a case; a null field is left as it is. */
public record CaseDetails(String title, String summary, String leadOfficer, String team, LocalDate nextReviewDate) {
}
