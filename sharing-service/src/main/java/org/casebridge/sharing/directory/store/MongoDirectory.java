package org.casebridge.sharing.directory.store;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.casebridge.contracts.directory.DirectoryEntryChanged;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.events.PendingOutboxes;
import org.casebridge.sharing.directory.domain.DirectoryEntry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The directory in MongoDB: one document per entry, and a change published with it in the same write (its outbox),
 * only when the entry really changed, so a busy user seen on every request publishes nothing.
 */
@Repository
public class MongoDirectory {

    static final String COLLECTION = "directory";

    private final MongoTemplate mongo;
    private final OutboxEvents events;
    private final Clock clock;
    private final PendingOutboxes pending;

    MongoDirectory(MongoTemplate mongo, OutboxEvents events, Clock clock, PendingOutboxes pending) {
        this.pending = pending;
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    public Optional<DirectoryEntry> find(String key) {
        return Optional.ofNullable(mongo.findById(key, org.bson.Document.class, COLLECTION)).map(MongoDirectory::entry);
    }

    /** Stores the entry and announces it, unless it is exactly what is already known. Returns whether it changed. */
    public boolean record(DirectoryEntry entry) {
        Optional<DirectoryEntry> known = find(entry.key());
        if (known.isPresent() && known.get().equals(entry)) {
            return false;
        }
        var changedAt = clock.instant();
        var event = events.of(entry.key(), null, new DirectoryEntryChanged(entry.key(), entry.kind().name(), entry.id(),
                entry.name(), entry.organisation(), entry.organisationKind(), entry.teams(), entry.roles(), entry.active(),
                changedAt));
        Update update = new Update().set("kind", entry.kind().name()).set("id", entry.id()).set("name", entry.name())
                .set("organisation", entry.organisation()).set("organisationKind", entry.organisationKind())
                .set("teams", entry.teams()).set("roles", entry.roles()).set("active", entry.active())
                .set("changedAt", changedAt).push("outbox", event);
        mongo.upsert(Query.query(Criteria.where("_id").is(entry.key())), update, COLLECTION);
        pending.noted(COLLECTION, entry.key());
        return true;
    }

    public List<DirectoryEntry> ofOrganisation(String organisation, DirectoryEntry.Kind kind) {
        Query query = Query.query(Criteria.where("organisation").is(organisation).and("kind").is(kind.name()));
        query.fields().exclude("outbox");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(MongoDirectory::entry).toList();
    }

    /** Every entry of one kind across the partnership, e.g. all teams. */
    public List<DirectoryEntry> ofKind(DirectoryEntry.Kind kind) {
        Query query = Query.query(Criteria.where("kind").is(kind.name()));
        query.fields().exclude("outbox");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(MongoDirectory::entry).toList();
    }

    private static DirectoryEntry entry(org.bson.Document d) {
        return new DirectoryEntry(DirectoryEntry.Kind.valueOf(d.getString("kind")), d.getString("id"), d.getString("name"),
                d.getString("organisation"), d.getString("organisationKind"), d.getList("teams", String.class),
                d.getList("roles", String.class), d.getBoolean("active", true));
    }
}
