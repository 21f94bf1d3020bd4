package org.casebridge.parties.app;

import java.time.Clock;
import java.util.Map;

import org.casebridge.parties.domain.Person;
import org.casebridge.parties.domain.PersonDetails;
import org.casebridge.parties.store.MongoPeople;
import org.casebridge.platform.aggregate.Expectation;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.springframework.stereotype.Service;

/**
 * Replacing a person's details: only an organisation holding a record of them, against the version it read; flags
 * already set keep who set them ({@link Person#update}). Audited with the details before and after, in the same write.
 */
@Service
public class PersonUpdate {

    private final PersonAccess access;
    private final MongoPeople people;
    private final AuditTrail audit;
    private final Clock clock;

    PersonUpdate(PersonAccess access, MongoPeople people, AuditTrail audit, Clock clock) {
        this.access = access;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    public Person update(String id, CurrentUser user, Expectation expected, PersonDetails details) {
        Person person = access.held(id, user);
        long loaded = person.version();
        expected.check(loaded);
        Map<String, Object> before = PersonRegistration.fieldsSet(person);
        person.update(details, user.id(), user.organisation(), clock.instant());
        if (!people.update(person, loaded, audit.entry(user, "UPDATE", "person", id, PersonAccess.ORGANISATION_RECORD,
                null, Map.of("before", before, "after", PersonRegistration.fieldsSet(person))))) {
            throw ETags.stale();
        }
        return person;
    }
}
