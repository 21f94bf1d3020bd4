package org.casebridge.parties.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.casebridge.contracts.party.PersonRegistered;
import org.casebridge.platform.domain.DomainException;

/**
 * A person partners work with: victim, witness, perpetrator or someone at risk. What may be recorded about a
 * person, and which events announce it, is decided here. Every change raises the version (the ETag).
 */
public final class Person {

    private final String id;
    private final String givenName;
    private final String familyName;
    private final String dateOfBirth;
    private final String registeredBy;
    private final String organisation;
    private final Instant registeredAt;
    private final long version;
    private final List<Object> newEvents = new ArrayList<>();

    private Person(String id, String givenName, String familyName, String dateOfBirth, String registeredBy,
            String organisation, Instant registeredAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.givenName = Objects.requireNonNull(givenName);
        this.familyName = Objects.requireNonNull(familyName);
        this.dateOfBirth = dateOfBirth;
        this.registeredBy = Objects.requireNonNull(registeredBy);
        this.organisation = Objects.requireNonNull(organisation);
        this.registeredAt = Objects.requireNonNull(registeredAt);
        this.version = version;
    }

    /**
     * A practitioner registers a person for their organisation. The date of birth may be partial, but it must be a
     * real date and not after today.
     */
    public static Person register(String id, Registration registration, Instant now) {
        String givenName = required(registration.givenName(), "given name");
        String familyName = required(registration.familyName(), "family name");
        String dateOfBirth = null;
        if (registration.dateOfBirth() != null) {
            DateOfBirth born = new DateOfBirth(registration.dateOfBirth());
            if (born.earliestDay().isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                throw DomainException.invalid("A date of birth cannot be in the future: " + born);
            }
            dateOfBirth = born.value();
        }
        Person registered = new Person(id, givenName, familyName, dateOfBirth, registration.registeredBy(),
                registration.organisation(), now, 1);
        registered.newEvents.add(new PersonRegistered(id, givenName, familyName, dateOfBirth,
                registered.registeredBy, registered.organisation, now));
        return registered;
    }

    /** Rebuilds a stored person; no events. */
    public static Person restore(String id, String givenName, String familyName, String dateOfBirth, String registeredBy,
            String organisation, Instant registeredAt, long version) {
        return new Person(id, givenName, familyName, dateOfBirth, registeredBy, organisation, registeredAt, version);
    }

    /** What a practitioner gives when registering a person. */
    public record Registration(String givenName, String familyName, String dateOfBirth, String registeredBy,
            String organisation) {
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("A person needs a " + what + ".");
        }
        return value.strip();
    }

    public List<Object> newEvents() {
        return List.copyOf(newEvents);
    }

    public String id() {
        return id;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    /** {@code 1980}, {@code 1980-02}, {@code 1980-02-14} or null when not known. */
    public String dateOfBirth() {
        return dateOfBirth;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public String organisation() {
        return organisation;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public long version() {
        return version;
    }
}
