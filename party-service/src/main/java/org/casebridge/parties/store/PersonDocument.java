package org.casebridge.parties.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casebridge.parties.domain.Person;
import org.casebridge.platform.events.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a person is stored: their details, the organisation that registered them, and the outbox. */
@Document(MongoPeople.COLLECTION)
class PersonDocument {

    @Id
    String id;
    String givenName;
    String familyName;
    String dateOfBirth;
    String registeredBy;
    /** For now a person is visible to the organisation that registered them alone. */
    @Indexed
    String organisation;
    Instant registeredAt;
    long version;
    /** {@code <user>|<Idempotency-Key>}: a retried POST finds the person it already registered. */
    @Indexed(unique = true, sparse = true)
    String idempotencyKey;
    List<OutboxEvent> outbox = new ArrayList<>();

    static PersonDocument of(Person p) {
        PersonDocument doc = new PersonDocument();
        doc.id = p.id();
        doc.givenName = p.givenName();
        doc.familyName = p.familyName();
        doc.dateOfBirth = p.dateOfBirth();
        doc.registeredBy = p.registeredBy();
        doc.organisation = p.organisation();
        doc.registeredAt = p.registeredAt();
        doc.version = p.version();
        return doc;
    }

    Person toPerson() {
        return Person.restore(id, givenName, familyName, dateOfBirth, registeredBy, organisation, registeredAt, version);
    }
}
