package org.casebridge.parties.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casebridge.parties.domain.IdentifierScheme;
import org.casebridge.parties.domain.Person;
import org.casebridge.parties.domain.PersonSearch;
import org.casebridge.parties.domain.Postcode;
import org.casebridge.parties.store.MongoPeople;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Reading people: a person is seen by an organisation holding a record of them or by anyone who may see a case they
 * are linked to ({@link PersonAccess}); finding people needs a record. Every person shown is audited.
 */
@Service
public class PersonQueries {

    private final PersonAccess access;
    private final MongoPeople people;
    private final AuditTrail audit;

    PersonQueries(PersonAccess access, MongoPeople people, AuditTrail audit) {
        this.access = access;
        this.people = people;
        this.audit = audit;
    }

    /** The person and the rule that let the caller see them, for the audit record. */
    public record Seen(Person person, String grantedBy) {
    }

    public record PersonPage(List<Person> items, String nextCursor) {
    }

    /** The person as the caller may see them now, unaudited (nothing of them is shown, or a replay audits itself). */
    public Optional<Seen> visible(String id, CurrentUser user) {
        return access.visible(id, user);
    }

    /** The person, audited as a read; a merged record is answered unaudited, the caller being sent to its survivor. */
    public Person read(String id, CurrentUser user, String purpose) {
        Seen seen = access.visible(id, user).orElseThrow(() -> DomainException.notFound("Person " + id));
        if (seen.person().status() != Person.Status.MERGED) {
            audit.record(user, "READ", "person", id, seen.grantedBy(), purpose, null);
        }
        return seen.person();
    }

    /**
     * People the caller's organisation holds, newest first, after the cursor: by name (as it sounds, nicknames
     * included), date of birth (as precise as given), postcode (whole or district) or identifier
     * ({@code SCHEME:value}); at least one. Each person shown and the search itself are audited.
     */
    public PersonPage search(CurrentUser user, String name, String dateOfBirth, String postcode, String identifier,
            String after, int limit) {
        String organisation = PersonAccess.organisationOf(user);
        if (name == null && dateOfBirth == null && postcode == null && identifier == null) {
            throw DomainException.invalid("Search by at least one of name, dateOfBirth, postcode or identifier.");
        }
        if (name != null && PersonSearch.queryKeys(name).isEmpty()) {
            throw DomainException.invalid("A name to search for needs letters.");
        }
        String identifierKey = null;
        if (identifier != null) {
            int colon = identifier.indexOf(':');
            identifierKey = PersonSearch.identifierKey(IdentifierScheme.valueOf(identifier.substring(0, colon)),
                    identifier.substring(colon + 1));
        }
        var criteria = new MongoPeople.PersonCriteria(name, dateOfBirth,
                postcode == null ? null : Postcode.searchPrefix(postcode), identifierKey);
        List<Person> page = people.search(organisation, criteria, after, limit);
        audit.recordEach(user, "LIST", "person", page.stream().map(Person::id).toList(), null);
        // the search itself, with its terms, whether or not it found anyone
        Map<String, Object> terms = new HashMap<>();
        terms.put("name", name);
        terms.put("dateOfBirth", dateOfBirth);
        terms.put("postcode", postcode);
        terms.put("identifier", identifier);
        audit.recordSearch(user, "person", terms, page.size(), null);
        return new PersonPage(page, page.size() == limit ? page.get(page.size() - 1).id() : null);
    }
}
