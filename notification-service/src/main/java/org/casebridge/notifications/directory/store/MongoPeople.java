package org.casebridge.notifications.directory.store;

import java.time.Instant;
import java.util.Optional;

import org.casebridge.contracts.directory.DirectoryEntryChanged;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

/**
 * The names practitioners go by, from the users in sharing-service's compacted {@code casebridge.directory.v1}, so a
 * notification says "Jo Smith set you a task", not the user id.
 */
@Repository
public class MongoPeople {

    static final String COLLECTION = "people";

    @Document(COLLECTION)
    public record Person(@Id String id, String name, Instant changedAt) {
    }

    private final MongoTemplate mongo;

    MongoPeople(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Users only; the newer word wins, so a replay of the topic changes nothing. */
    public void record(DirectoryEntryChanged changed) {
        if (!"USER".equals(changed.kind()) || changed.id() == null || changed.name() == null || changed.name().isBlank()) {
            return;
        }
        Optional<Person> held = find(changed.id());
        if (held.isPresent() && held.get().changedAt() != null && changed.changedAt() != null
                && held.get().changedAt().isAfter(changed.changedAt())) {
            return;
        }
        mongo.save(new Person(changed.id(), changed.name().strip(), changed.changedAt()), COLLECTION);
    }

    /** Their name, or their user id while the directory has not named them. */
    public String nameOf(String userId) {
        return userId == null ? null : find(userId).map(Person::name).orElse(userId);
    }

    public Optional<Person> find(String userId) {
        return Optional.ofNullable(mongo.findById(userId, Person.class, COLLECTION));
    }
}
