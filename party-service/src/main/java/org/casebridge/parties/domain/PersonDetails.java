package org.casebridge.parties.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.casebridge.platform.domain.DomainException;

/**
 * Everything a practitioner records about a person. {@link #validated} checks it and puts it in its stored form
 * (trimmed names, Royal Mail postcodes, normalised identifiers), so two agencies typing the same facts store the same.
 */
public record PersonDetails(String givenName, String familyName, String preferredName, List<OtherName> otherNames,
        String dateOfBirth, boolean dateOfBirthApproximate, Gender gender, List<Address> addresses,
        List<Contact> contacts, List<Identifier> identifiers, List<Flag> flags, String approach) {

    public enum Gender { FEMALE, MALE, NON_BINARY, OTHER, NOT_KNOWN }

    public enum OtherNameKind { ALIAS, KNOWN_AS, PREVIOUS }

    public enum ContactKind { PHONE, MOBILE, EMAIL, OTHER }

    /** Markers practitioners must know before they approach someone. */
    public enum FlagKind { MENTAL_HEALTH, DISABILITY, SUBSTANCE_MISUSE, SELF_HARM, WEAPONS, VIOLENCE, DOG_ON_PREMISES, OTHER }

    public record OtherName(OtherNameKind kind, String givenName, String familyName) {
    }

    /** An address with the dates the person lived there; {@code to} null means they still do. */
    public record Address(List<String> lines, String postcode, LocalDate from, LocalDate to) {
    }

    public record Contact(ContactKind kind, String value) {
    }

    public record Identifier(IdentifierScheme scheme, String value) {
    }

    /** A marker and who set it; {@code setBy}/{@code setAt} are stamped by the person, never taken from input. */
    public record Flag(FlagKind kind, String note, String setBy, String organisation, Instant setAt) {
    }

    public PersonDetails {
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        flags = flags == null ? List.of() : List.copyOf(flags);
        gender = gender == null ? Gender.NOT_KNOWN : gender;
    }

    /** The same details checked and normalised; flags are not touched (the person stamps them). */
    PersonDetails validated(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String born = null;
        if (dateOfBirth != null) {
            DateOfBirth date = new DateOfBirth(dateOfBirth);
            if (date.earliestDay().isAfter(today)) {
                throw DomainException.invalid("A date of birth cannot be in the future: " + date);
            }
            born = date.value();
        }
        List<OtherName> names = new ArrayList<>();
        for (OtherName name : otherNames) {
            if (name.kind() == null) {
                throw DomainException.invalid("Say whether another name is an ALIAS, KNOWN_AS or PREVIOUS name.");
            }
            String given = optional(name.givenName());
            String family = optional(name.familyName());
            if (given == null && family == null) {
                throw DomainException.invalid("Another name needs a given or a family name.");
            }
            names.add(new OtherName(name.kind(), given, family));
        }
        List<Address> places = new ArrayList<>();
        for (Address address : addresses) {
            List<String> lines = address.lines() == null ? List.of()
                    : address.lines().stream().map(PersonDetails::optional).filter(Objects::nonNull).toList();
            if (lines.isEmpty()) {
                throw DomainException.invalid("An address needs at least one line.");
            }
            if (address.from() != null && address.to() != null && address.to().isBefore(address.from())) {
                throw DomainException.invalid("An address cannot end (" + address.to() + ") before it starts (" + address.from() + ").");
            }
            if (address.from() != null && address.from().isAfter(today)) {
                throw DomainException.invalid("An address cannot start in the future: " + address.from());
            }
            places.add(new Address(lines, Postcode.normalise(address.postcode()), address.from(), address.to()));
        }
        List<Contact> reach = new ArrayList<>();
        for (Contact contact : contacts) {
            if (contact.kind() == null || optional(contact.value()) == null) {
                throw DomainException.invalid("A contact detail needs a kind and a value.");
            }
            if (contact.kind() == ContactKind.EMAIL && !contact.value().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw DomainException.invalid("Not an email address: " + contact.value());
            }
            reach.add(new Contact(contact.kind(), contact.value().strip()));
        }
        List<Identifier> ids = new ArrayList<>();
        Set<IdentifierScheme> schemes = new HashSet<>();
        for (Identifier identifier : identifiers) {
            if (identifier.scheme() == null) {
                throw DomainException.invalid("An identifier needs a scheme: PNC, NHS, NINO, TENANCY or PARTNER.");
            }
            if (identifier.scheme() != IdentifierScheme.PARTNER && !schemes.add(identifier.scheme())) {
                throw DomainException.invalid("A person has one " + identifier.scheme() + " number.");
            }
            ids.add(new Identifier(identifier.scheme(), Identifiers.normalise(identifier.scheme().name(), identifier.value())));
        }
        for (Flag flag : flags) {
            if (flag.kind() == null) {
                throw DomainException.invalid("A flag needs a kind, e.g. VIOLENCE or MENTAL_HEALTH.");
            }
        }
        return new PersonDetails(required(givenName, "given name"), required(familyName, "family name"),
                optional(preferredName), names, born, born != null && dateOfBirthApproximate, gender, places, reach, ids,
                flags, optional(approach));
    }

    /** The postcodes of every address the person has had, for search and matching. */
    public Set<String> postcodes() {
        Set<String> postcodes = new HashSet<>();
        addresses.stream().map(Address::postcode).filter(Objects::nonNull).forEach(postcodes::add);
        return postcodes;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("A person needs a " + what + ".");
        }
        return value.strip();
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
