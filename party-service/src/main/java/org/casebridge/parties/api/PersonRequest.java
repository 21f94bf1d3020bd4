package org.casebridge.parties.api;

import java.util.List;

import org.casebridge.parties.domain.PersonDetails;
import org.casebridge.parties.domain.PersonDetails.Gender;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A person's details as a practitioner sends them, to register or (whole, with If-Match) to update. The shape is
 * checked here; what the details mean (real dates, postcodes, identifier check digits) is checked by the domain.
 *
 * @param dateOfBirth as precisely as known: {@code 1980}, {@code 1980-02} or {@code 1980-02-14}; absent when unknown
 * @param flags kind and note only: who set a flag and when is recorded by the service
 */
record PersonRequest(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @Size(max = 100) String preferredName,
        @Size(max = 20) List<PersonDetails.OtherName> otherNames,
        @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "must be YYYY, YYYY-MM or YYYY-MM-DD") String dateOfBirth,
        Boolean dateOfBirthApproximate,
        Gender gender,
        @Size(max = 30) List<PersonDetails.Address> addresses,
        @Size(max = 20) List<PersonDetails.Contact> contacts,
        @Size(max = 10) List<PersonDetails.Identifier> identifiers,
        @Size(max = 20) List<PersonDetails.Flag> flags,
        @Size(max = 2000) String approach) {

    PersonDetails details() {
        return new PersonDetails(givenName, familyName, preferredName, otherNames, dateOfBirth,
                Boolean.TRUE.equals(dateOfBirthApproximate),
                gender, addresses, contacts, identifiers, flags, approach);
    }
}
