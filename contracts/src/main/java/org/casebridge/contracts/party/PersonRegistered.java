package org.casebridge.contracts.party;

import java.time.Instant;

/** {@code casebridge.party.person-registered.v1}: a person was registered. Subject = person id. */
public record PersonRegistered(
        String personId,
        String givenName,
        String familyName,
        String dateOfBirth,
        String registeredBy,
        String organisation,
        Instant registeredAt) {
}
