package org.casebridge.parties.app;

import java.util.List;
import java.util.Optional;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.parties.domain.Person;
import org.casebridge.parties.store.MongoInvolvements;
import org.casebridge.parties.store.MongoPeople;
import org.casebridge.platform.access.CaseAccessProjection;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may see a person: an organisation that holds a record of them, or anyone who may see a case they are linked
 * to (through sharing-service's decisions, projected here). Anyone else is told the person does not exist.
 */
@Component
class PersonAccess {

    /** Why the caller was allowed, for the audit record: their organisation holds a record of the person. */
    static final String ORGANISATION_RECORD = "organisation-record";

    private final MongoPeople people;
    private final MongoInvolvements involvements;
    private final CaseAccessProjection cases;

    PersonAccess(MongoPeople people, MongoInvolvements involvements, CaseAccessProjection cases) {
        this.people = people;
        this.involvements = involvements;
        this.cases = cases;
    }

    Optional<PersonQueries.Seen> visible(String id, CurrentUser user) {
        Optional<Person> found = people.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Person person = found.get();
        if (user.organisation() != null && person.organisations().contains(user.organisation())) {
            return Optional.of(new PersonQueries.Seen(person, ORGANISATION_RECORD));
        }
        String current = person.status() == Person.Status.MERGED ? person.mergedInto() : id;
        List<String> caseIds = involvements.of(current).stream().map(MongoInvolvements.Involvement::caseId).toList();
        return cases.findAll(caseIds).stream()
                .filter(c -> c.access() != null && c.access().allows(user.principals(), AccessLevel.VIEW))
                .findFirst().map(c -> new PersonQueries.Seen(person, "case:" + c.caseId()));
    }

    /** The caller's organisation, which holds the records they register, find and change; none is 403. */
    static String organisationOf(CurrentUser user) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation, so it holds no records of people.");
        }
        return user.organisation();
    }

    /** The person the caller's organisation holds a record of, or 404. */
    Person held(String id, CurrentUser user) {
        return people.findVisible(id, organisationOf(user)).orElseThrow(() -> DomainException.notFound("Person " + id));
    }
}
