package org.casebridge.tasking.directory.store;

import java.time.Instant;
import java.util.Optional;

import org.casebridge.contracts.directory.DirectoryEntryChanged;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

/**
 * tasking-service's copy of the partnership directory (organisations, teams, users and the organisation each belongs
 * to), built from sharing-service's compacted {@code casebridge.directory.v1}: where an assignee belongs is read
 * here, never taken from the request.
 */
@Repository
public class MongoDirectory {

    static final String COLLECTION = "directory";

    /** @param key {@code org:<code>}, {@code team:<code>} or {@code user:<id>} */
    @Document(COLLECTION)
    public record Entry(@Id String key, String kind, String organisation, boolean active, Instant changedAt) {
    }

    private final MongoTemplate mongo;

    MongoDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The newer word wins: an entry older than the one held (a replay of the topic) changes nothing. */
    public void record(DirectoryEntryChanged changed) {
        Optional<Entry> held = find(changed.key());
        if (held.isPresent() && held.get().changedAt() != null && changed.changedAt() != null
                && held.get().changedAt().isAfter(changed.changedAt())) {
            return;
        }
        mongo.save(new Entry(changed.key(), changed.kind(), changed.organisation(), changed.active(), changed.changedAt()),
                COLLECTION);
    }

    public Optional<Entry> find(String key) {
        return Optional.ofNullable(mongo.findById(key, Entry.class, COLLECTION));
    }
}
