package org.casebridge.parties.api;

import java.time.Instant;

import org.casebridge.parties.domain.Person;

/** A person as the API shows them. */
record PersonView(String id, String givenName, String familyName, String dateOfBirth, String registeredBy,
        String organisation, Instant registeredAt, long version) {

    static PersonView of(Person p) {
        return new PersonView(p.id(), p.givenName(), p.familyName(), p.dateOfBirth(), p.registeredBy(), p.organisation(),
                p.registeredAt(), p.version());
    }
}
