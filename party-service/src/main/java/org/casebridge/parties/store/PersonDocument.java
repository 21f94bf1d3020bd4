package org.casebridge.parties.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.casebridge.parties.domain.Person;
import org.casebridge.parties.domain.PersonDetails;
import org.casebridge.parties.domain.PersonSearch;
import org.casebridge.parties.domain.matching.BlockingKeys;
import org.casebridge.platform.events.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a person is stored: their details, who may see them, what merges brought in, the keys they are searched and
 * matched by (kept in indexed fields, since the embedded server has no text search), and the outbox.
 */
@Document(MongoPeople.COLLECTION)
class PersonDocument extends AggregateDocument {

    @Id
    String id;
    PersonDetails details;
    String registeredBy;
    String organisation;
    /** The organisations whose record this is: the registering one, and after a merge the other's too. */
    @Indexed
    Set<String> organisations;
    Instant registeredAt;
    Person.Status status;
    String mergedInto;
    List<Person.Absorbed> absorbed = new ArrayList<>();
    long version;
    @Indexed
    Set<String> nameKeys;
    @Indexed
    Set<String> postcodes;
    @Indexed
    Set<String> identifierKeys;
    @Indexed
    Set<String> blockingKeys;
    @Indexed
    String dateOfBirth;
    /**
     * {@code inbound|<organisation>|<external id>}: the person a partner system's record registered, so a record sent
     * twice registers one. (A practitioner's {@code Idempotency-Key} is the platform's {@code IdempotentCreates}.)
     */
    @Indexed(unique = true, sparse = true)
    String idempotencyKey;

    static PersonDocument of(Person p) {
        PersonDocument doc = new PersonDocument();
        doc.id = p.id();
        doc.details = p.details();
        doc.registeredBy = p.registeredBy();
        doc.organisation = p.organisation();
        doc.organisations = p.organisations();
        doc.registeredAt = p.registeredAt();
        doc.status = p.status();
        doc.mergedInto = p.mergedInto();
        doc.absorbed = p.absorbed();
        doc.version = p.version();
        doc.nameKeys = PersonSearch.nameKeys(p.details());
        doc.postcodes = p.details().postcodes();
        doc.identifierKeys = new java.util.HashSet<>();
        p.details().identifiers().forEach(i -> doc.identifierKeys.add(i.scheme().name() + ":" + i.value()));
        doc.blockingKeys = BlockingKeys.of(PersonSearch.profileOf(p.id(), p.details()));
        doc.dateOfBirth = p.dateOfBirth();
        return doc;
    }

    Person toPerson() {
        return Person.restore(id, details, registeredBy, organisation, registeredAt, organisations,
                status == null ? Person.Status.ACTIVE : status, mergedInto, absorbed == null ? List.of() : absorbed, version);
    }
}
