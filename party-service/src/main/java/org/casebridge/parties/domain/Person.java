package org.casebridge.parties.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.casebridge.contracts.party.PersonRegistered;
import org.casebridge.contracts.party.PersonUpdated;
import org.casebridge.contracts.party.PersonsMerged;
import org.casebridge.contracts.party.PersonsUnmerged;
import org.casebridge.parties.domain.PersonDetails.Flag;
import org.casebridge.parties.domain.PersonDetails.Identifier;
import org.casebridge.parties.domain.PersonDetails.OtherName;
import org.casebridge.parties.domain.PersonDetails.OtherNameKind;
import org.casebridge.platform.aggregate.AggregateRoot;
import org.casebridge.platform.domain.DomainException;

/**
 * A person partners work with: victim, witness, perpetrator or someone at risk. What may be recorded about a
 * person, how two records of the same person are merged and unmerged, and which events announce it, is decided
 * here. Every change raises the version (the ETag).
 */
public final class Person extends AggregateRoot {

    public enum Status { ACTIVE, MERGED }

    /** What a merge brought into the survivor, kept so that a wrong merge can be undone exactly. */
    public record Absorbed(String personId, String organisation, PersonDetails brought, String mergedBy, Instant mergedAt) {
    }

    private PersonDetails details;
    private final String registeredBy;
    private final String organisation;
    private final Instant registeredAt;
    private final Set<String> organisations;
    private Status status;
    private String mergedInto;
    private final List<Absorbed> absorbed;

    private Person(String id, PersonDetails details, String registeredBy, String organisation, Instant registeredAt,
            Set<String> organisations, Status status, String mergedInto, List<Absorbed> absorbed, long version) {
        super(id, version);
        this.details = Objects.requireNonNull(details);
        this.registeredBy = Objects.requireNonNull(registeredBy);
        this.organisation = Objects.requireNonNull(organisation);
        this.registeredAt = Objects.requireNonNull(registeredAt);
        this.organisations = new LinkedHashSet<>(organisations);
        this.status = status;
        this.mergedInto = mergedInto;
        this.absorbed = new ArrayList<>(absorbed);
    }

    /**
     * A practitioner registers a person for their organisation. The date of birth may be partial, but it must be a
     * real date and not after today; identifiers must have their scheme's format.
     */
    public static Person register(String id, PersonDetails details, String registeredBy, String organisation, Instant now) {
        PersonDetails checked = stamped(details.validated(now), List.of(), registeredBy, organisation, now);
        Person registered = new Person(id, checked, registeredBy, organisation, now, Set.of(organisation), Status.ACTIVE,
                null, List.of(), 1);
        registered.announce(new PersonRegistered(id, checked.givenName(), checked.familyName(),
                checked.dateOfBirth(), registeredBy, organisation, now));
        return registered;
    }

    /** Rebuilds a stored person; no events. */
    public static Person restore(String id, PersonDetails details, String registeredBy, String organisation,
            Instant registeredAt, Set<String> organisations, Status status, String mergedInto, List<Absorbed> absorbed,
            long version) {
        return new Person(id, details, registeredBy, organisation, registeredAt, organisations, status, mergedInto,
                absorbed, version);
    }

    /** Replaces the details; flags already set keep who set them, new ones are stamped with the practitioner. */
    public void update(PersonDetails changed, String by, String byOrganisation, Instant now) {
        requireActive();
        PersonDetails checked = stamped(changed.validated(now), details.flags(), by, byOrganisation, now);
        List<String> fields = changedFields(details, checked);
        details = checked;
        changed(new PersonUpdated(id(), fields, by, byOrganisation, now));
    }

    /**
     * Takes in a duplicate record of this person: the survivor keeps every name, address, contact, identifier and
     * flag of both, and both organisations keep seeing it. Two different numbers in one scheme mean two people.
     */
    public void absorb(Person duplicate, String by, String byOrganisation, Instant now) {
        requireActive();
        duplicate.requireActive();
        if (duplicate.id().equals(id())) {
            throw DomainException.invalid("A person cannot be merged with themselves.");
        }
        for (Identifier theirs : duplicate.details.identifiers()) {
            for (Identifier ours : details.identifiers()) {
                if (theirs.scheme() == ours.scheme() && theirs.scheme() != IdentifierScheme.PARTNER
                        && !theirs.value().equals(ours.value())) {
                    throw DomainException.conflict("They have different " + theirs.scheme()
                            + " numbers, so they are not the same person.");
                }
            }
        }
        PersonDetails theirs = duplicate.details;
        List<OtherName> names = new ArrayList<>();
        OtherName theirName = new OtherName(OtherNameKind.ALIAS, theirs.givenName(), theirs.familyName());
        if (!(theirs.givenName().equalsIgnoreCase(details.givenName())
                && theirs.familyName().equalsIgnoreCase(details.familyName()))) {
            names.add(theirName);
        }
        names.addAll(theirs.otherNames());
        PersonDetails brought = new PersonDetails(null, null, null, missing(details.otherNames(), names),
                details.dateOfBirth() == null ? theirs.dateOfBirth() : null, false, null,
                missing(details.addresses(), theirs.addresses()), missing(details.contacts(), theirs.contacts()),
                missing(details.identifiers(), theirs.identifiers()), missing(details.flags(), theirs.flags()), null);
        details = new PersonDetails(details.givenName(), details.familyName(), details.preferredName(),
                plus(details.otherNames(), brought.otherNames()),
                details.dateOfBirth() == null ? theirs.dateOfBirth() : details.dateOfBirth(),
                details.dateOfBirth() == null ? theirs.dateOfBirthApproximate() : details.dateOfBirthApproximate(),
                details.gender(), plus(details.addresses(), brought.addresses()), plus(details.contacts(), brought.contacts()),
                plus(details.identifiers(), brought.identifiers()), plus(details.flags(), brought.flags()),
                details.approach() != null ? details.approach() : theirs.approach());
        absorbed.add(new Absorbed(duplicate.id(), duplicate.organisation, brought, by, now));
        organisations.addAll(duplicate.organisations);
        changed(new PersonsMerged(id(), duplicate.id(), by, byOrganisation, now));
        duplicate.status = Status.MERGED;
        duplicate.mergedInto = id();
        duplicate.changedQuietly();
    }

    /**
     * Undoes a wrong merge: the survivor loses exactly what the merge brought (anything recorded since stays), and
     * the released record stands on its own again.
     */
    public void release(Person merged, String by, String byOrganisation, Instant now) {
        Absorbed merge = absorbed.stream().filter(a -> a.personId().equals(merged.id())).findFirst()
                .orElseThrow(() -> DomainException.conflict("Person " + merged.id() + " was not merged into " + id() + "."));
        PersonDetails brought = merge.brought();
        details = new PersonDetails(details.givenName(), details.familyName(), details.preferredName(),
                minus(details.otherNames(), brought.otherNames()),
                brought.dateOfBirth() != null && brought.dateOfBirth().equals(details.dateOfBirth()) ? null : details.dateOfBirth(),
                details.dateOfBirthApproximate(), details.gender(), minus(details.addresses(), brought.addresses()),
                minus(details.contacts(), brought.contacts()), minus(details.identifiers(), brought.identifiers()),
                minus(details.flags(), brought.flags()), details.approach());
        absorbed.remove(merge);
        organisations.clear();
        organisations.add(organisation);
        absorbed.forEach(a -> organisations.add(a.organisation()));
        changed(new PersonsUnmerged(id(), merged.id(), by, byOrganisation, now));
        merged.status = Status.ACTIVE;
        merged.mergedInto = null;
        merged.changedQuietly();
    }

    private void requireActive() {
        if (status == Status.MERGED) {
            throw DomainException.conflict("Person " + id() + " was merged into " + mergedInto + "; change that record instead.");
        }
    }

    private static PersonDetails stamped(PersonDetails details, List<Flag> existing, String by, String organisation,
            Instant now) {
        List<Flag> flags = details.flags().stream().map(flag -> existing.stream()
                .filter(e -> e.kind() == flag.kind() && Objects.equals(e.note(), flag.note())).findFirst()
                .orElse(new Flag(flag.kind(), flag.note() == null ? null : flag.note().strip(), by, organisation, now)))
                .toList();
        return new PersonDetails(details.givenName(), details.familyName(), details.preferredName(), details.otherNames(),
                details.dateOfBirth(), details.dateOfBirthApproximate(), details.gender(), details.addresses(),
                details.contacts(), details.identifiers(), flags, details.approach());
    }

    private static List<String> changedFields(PersonDetails before, PersonDetails after) {
        List<String> fields = new ArrayList<>();
        for (var component : PersonDetails.class.getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(after))) {
                    fields.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return fields;
    }

    private static <T> List<T> missing(List<T> ours, List<T> theirs) {
        return theirs.stream().filter(t -> !ours.contains(t)).distinct().toList();
    }

    private static <T> List<T> plus(List<T> ours, List<T> more) {
        List<T> all = new ArrayList<>(ours);
        all.addAll(more);
        return all;
    }

    private static <T> List<T> minus(List<T> ours, List<T> less) {
        List<T> left = new ArrayList<>(ours);
        less.forEach(left::remove);
        return left;
    }

    public PersonDetails details() {
        return details;
    }

    public String givenName() {
        return details.givenName();
    }

    public String familyName() {
        return details.familyName();
    }

    /** {@code 1980}, {@code 1980-02}, {@code 1980-02-14} or null when not known. */
    public String dateOfBirth() {
        return details.dateOfBirth();
    }

    public String registeredBy() {
        return registeredBy;
    }

    /** The organisation that registered the person. */
    public String organisation() {
        return organisation;
    }

    /** Every organisation whose record of this person it is (more than one after a merge). */
    public Set<String> organisations() {
        return Set.copyOf(organisations);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Status status() {
        return status;
    }

    /** The survivor this record now redirects to, or null. */
    public String mergedInto() {
        return mergedInto;
    }

    public List<Absorbed> absorbed() {
        return List.copyOf(absorbed);
    }
}
