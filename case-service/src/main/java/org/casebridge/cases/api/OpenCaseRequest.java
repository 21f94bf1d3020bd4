package org.casebridge.cases.api;

import org.casebridge.cases.domain.CaseType;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param leadOfficer user id of the lead officer; the opener when absent
 * @param team one of the opener's team codes, or absent
 * @param referral true to record it as a referral that the organisation has still to accept
 */
record OpenCaseRequest(
        @NotNull CaseType type,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String summary,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a user id") String leadOfficer,
        @Size(max = 100) @Pattern(regexp = "[A-Z0-9_]+", message = "must be a team code") String team,
        Boolean referral,
        java.time.LocalDate nextReviewDate) {
}
