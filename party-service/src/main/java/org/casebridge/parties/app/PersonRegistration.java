package org.casebridge.parties.app;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.casebridge.parties.domain.Person;
import org.casebridge.parties.domain.PersonDetails;
import org.casebridge.parties.store.MongoPeople;
import org.casebridge.platform.aggregate.CreatedOnce;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.events.OutboxEvent;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Registering a person, whoever asks: a practitioner through the API or a partner's system on its inbound topic. One
 * path: the person is registered for the organisation, matched across the whole partnership ({@link PossibleMatches}:
 * likely duplicates go on the review list) and stored; a practitioner's registration with its audit record in the
 * same write, a partner's once per external id.
 */
@Service
public class PersonRegistration {

    private final MongoPeople people;
    private final PossibleMatches matches;
    private final AuditTrail audit;
    private final Clock clock;

    PersonRegistration(MongoPeople people, PossibleMatches matches, AuditTrail audit, Clock clock) {
        this.people = people;
        this.matches = matches;
        this.audit = audit;
        this.clock = clock;
    }

    /** A person just registered, and who they may already be, as the registering organisation may see them. */
    public record Registered(Person person, List<MatchView> possibleMatches) {
    }

    /** The id a new person will get (ids sort by creation time). */
    public String newId() {
        return people.newId();
    }

    /** Checked before an Idempotency-Key is reserved, and again on registering: no organisation is 403. */
    public void requireMayRegister(CurrentUser user) {
        PersonAccess.organisationOf(user);
    }

    /** A practitioner registers a person for their organisation; audited in the same write. */
    public Registered register(String id, CurrentUser user, PersonDetails details) {
        String organisation = PersonAccess.organisationOf(user);
        return registerNew(id, details, user.id(), organisation, null,
                registered -> List.of(audit.entry(user, "CREATE", "person", registered.id(),
                        PersonAccess.ORGANISATION_RECORD, null, fieldsSet(registered))));
    }

    /**
     * A partner's system registers a person ({@code registeredBy} "inbound"); the same external id sent again finds
     * the person it made, even when its details are unreadable this time ({@code details} is read only for a new one).
     *
     * @param details what the partner sent; may throw {@link org.casebridge.platform.domain.DomainException} or a
     *     Jackson exception, which the caller answers as a rejection
     * @return the person, and their possible matches if this call registered them (none for one found again)
     */
    public Registered registerFromPartner(String organisation, String externalId, Supplier<PersonDetails> details) {
        String key = "inbound|" + organisation + "|" + externalId;
        return CreatedOnce.byKey(() -> people.findByIdempotencyKey(key).map(earlier -> new Registered(earlier, List.of())),
                () -> registerNew(people.newId(), details.get(), "inbound", organisation, key, registered -> List.of()));
    }

    private Registered registerNew(String id, PersonDetails details, String by, String organisation, String key,
            Function<Person, List<OutboxEvent>> auditOf) {
        Person registered = Person.register(id, details, by, organisation, clock.instant());
        List<PossibleMatches.Ranked> found = matches.of(registered);
        people.insert(registered, key, auditOf.apply(registered).toArray(OutboxEvent[]::new));
        return new Registered(registered, matches.reviewed(registered, found, organisation));
    }

    /** Who a person may already be, before registering them: nothing is stored, the search and each person shown audited. */
    public List<MatchView> possibleMatches(CurrentUser user, PersonDetails details) {
        String organisation = PersonAccess.organisationOf(user);
        Person proposed = Person.register("proposed", details, user.id(), organisation, clock.instant());
        List<MatchView> shown = PossibleMatches.shown(matches.of(proposed), organisation);
        // a search by another name: what was asked (personal data, kept for the auditors) and each person shown
        audit.recordSearch(user, "person-match", fieldsSet(proposed), shown.size(), null);
        audit.recordEach(user, "MATCH", "person", shown.stream().map(MatchView::personId).toList(), null);
        return shown;
    }

    /** The personal data recorded, as the audit trail's before/after (Map.of refuses nulls). */
    static Map<String, Object> fieldsSet(Person p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("givenName", p.givenName());
        fields.put("familyName", p.familyName());
        if (p.dateOfBirth() != null) {
            fields.put("dateOfBirth", p.dateOfBirth());
        }
        fields.put("addresses", p.details().addresses().size());
        fields.put("identifiers", p.details().identifiers().stream().map(i -> i.scheme().name()).toList());
        fields.put("flags", p.details().flags().stream().map(f -> f.kind().name()).toList());
        return fields;
    }
}
