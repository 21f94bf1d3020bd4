package org.casebridge.parties.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param dateOfBirth as precisely as known: {@code 1980}, {@code 1980-02} or {@code 1980-02-14}; absent when unknown
 */
record RegisterPersonRequest(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "must be YYYY, YYYY-MM or YYYY-MM-DD") String dateOfBirth) {
}
