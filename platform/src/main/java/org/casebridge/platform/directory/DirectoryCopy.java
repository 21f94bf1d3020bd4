package org.casebridge.platform.directory;

import java.time.Instant;
import java.util.Optional;

import org.casebridge.contracts.directory.DirectoryEntryChanged;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service's local copy of the partnership directory (organisations, teams and users: the organisation each belongs
 * to, whether it is active, the name it goes by), built from sharing-service's compacted {@code casebridge.directory.v1}
 * by {@link DirectoryCopyListener}. Where an assignee belongs or what a practitioner is called is read here, never asked
 * of sharing-service at request time and never taken from the request. Switched on with
 * {@code casebridge.directory.copy.enabled=true}.
 */
public class DirectoryCopy {

    public static final String COLLECTION = "directory";

    /**
     * One organisation, team or user as the directory last said.
     *
     * @param key {@code org:<code>}, {@code team:<code>} or {@code user:<id>}
     * @param kind ORGANISATION, TEAM or USER
     */
    @Document(COLLECTION)
    public record Entry(@Id String key, String kind, String id, String name, String organisation, boolean active,
            Instant changedAt) {
    }

    private final MongoTemplate mongo;

    public DirectoryCopy(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The newer word wins: an entry older than the one held (a replay of the topic) changes nothing. A name once known
     * is kept when a newer entry comes without one.
     */
    public void record(DirectoryEntryChanged changed) {
        if (changed.key() == null) {
            return;
        }
        Optional<Entry> held = find(changed.key());
        if (held.isPresent() && held.get().changedAt() != null && changed.changedAt() != null
                && held.get().changedAt().isAfter(changed.changedAt())) {
            return;
        }
        String name = changed.name() == null || changed.name().isBlank()
                ? held.map(Entry::name).orElse(null) : changed.name().strip();
        mongo.save(new Entry(changed.key(), changed.kind(), changed.id(), name, changed.organisation(), changed.active(),
                changed.changedAt()), COLLECTION);
    }

    /** @param key {@code org:<code>}, {@code team:<code>} or {@code user:<id>} */
    public Optional<Entry> find(String key) {
        return Optional.ofNullable(mongo.findById(key, Entry.class, COLLECTION));
    }

    public Optional<Entry> user(String userId) {
        return userId == null ? Optional.empty() : find("user:" + userId);
    }

    /** The name a user goes by, or their user id while the directory has not named them. */
    public String nameOf(String userId) {
        return userId == null ? null : user(userId).map(Entry::name).orElse(userId);
    }
}
