package org.casebridge.parties.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.casebridge.parties.app.MatchView;
import org.casebridge.parties.domain.Person;
import org.casebridge.parties.domain.PersonDetails;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person as the API shows them. {@code possibleMatches} is only present on registration: people who may be the
 * same, so the practitioner can use an existing record instead of creating a duplicate.
 */
record PersonView(String id, String givenName, String familyName, String preferredName,
        List<PersonDetails.OtherName> otherNames, String dateOfBirth, boolean dateOfBirthApproximate,
        PersonDetails.Gender gender, List<PersonDetails.Address> addresses, List<PersonDetails.Contact> contacts,
        List<PersonDetails.Identifier> identifiers, List<PersonDetails.Flag> flags, String approach, String registeredBy,
        String organisation, Set<String> organisations, Instant registeredAt, List<String> mergedFrom, long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MatchView> possibleMatches) {

    static PersonView of(Person p) {
        return of(p, null);
    }

    static PersonView of(Person p, List<MatchView> matches) {
        PersonDetails d = p.details();
        return new PersonView(p.id(), d.givenName(), d.familyName(), d.preferredName(), d.otherNames(), d.dateOfBirth(),
                d.dateOfBirthApproximate(), d.gender(), d.addresses(), d.contacts(), d.identifiers(), d.flags(),
                d.approach(), p.registeredBy(), p.organisation(), p.organisations(), p.registeredAt(),
                p.absorbed().stream().map(Person.Absorbed::personId).toList(), p.version(), matches);
    }
}
