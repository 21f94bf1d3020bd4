package org.casebridge.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.bson.types.ObjectId;
import org.casebridge.platform.aggregate.AggregateRoot;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One kind of aggregate in its collection, written the same way in every service: a new one with the events of its
 * creation, a change with the events it raised (numbered after the version it stood at), and with either the
 * command's audit record, all in one single-document write. A service's store extends this with its own queries.
 *
 * @param <A> the aggregate, as the domain knows it
 * @param <D> its stored document, mapped to and from the aggregate by the functions given
 */
public abstract class Aggregates<A extends AggregateRoot, D extends AggregateDocument> {

    protected final MongoTemplate mongo;
    protected final String collection;
    private final AggregateStore store;
    private final OutboxEvents events;
    private final Class<D> documentType;
    private final Function<A, D> toDocument;
    private final Function<D, A> toAggregate;
    private final String[] notOwnedByCommands;

    /**
     * @param notOwnedByCommands fields of the document the domain does not own (an idempotency key, an access list
     *        another service keeps), which an update must leave as they are
     */
    protected Aggregates(MongoTemplate mongo, AggregateStore store, OutboxEvents events, String collection,
            Class<D> documentType, Function<A, D> toDocument, Function<D, A> toAggregate, String... notOwnedByCommands) {
        this.mongo = mongo;
        this.store = store;
        this.events = events;
        this.collection = collection;
        this.documentType = documentType;
        this.toDocument = toDocument;
        this.toAggregate = toAggregate;
        this.notOwnedByCommands = notOwnedByCommands;
    }

    /** Ids sort by creation time, which gives newest-first lists and cursors for free. */
    public String newId() {
        return new ObjectId().toHexString();
    }

    /** Stores a new aggregate with the events of its creation and {@code audit}, the record of who made it. */
    public void insert(A created, OutboxEvent... audit) {
        insert(created, document -> {
        }, audit);
    }

    /**
     * As {@link #insert(AggregateRoot, OutboxEvent...)}, with fields the domain does not own set by {@code prepare}.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a unique index already holds it
     */
    protected void insert(A created, Consumer<D> prepare, OutboxEvent... audit) {
        D document = toDocument.apply(created);
        prepare.accept(document);
        document.outbox.addAll(events.sequenced(created.id(), 0, created.newEvents()));
        document.outbox.addAll(List.of(audit));
        store.insert(document, collection);
    }

    /**
     * Saves a changed aggregate if nobody changed it since {@code expectedVersion}, with its events and {@code audit},
     * the change's record: stored with the change, or not at all.
     *
     * @return false when a concurrent change won (the caller answers 412 or retries)
     */
    public boolean update(A changed, long expectedVersion, OutboxEvent... audit) {
        return update(changed, expectedVersion, toDocument.apply(changed), notOwnedByCommands, audit);
    }

    /** As {@link #update(AggregateRoot, long, OutboxEvent...)}, writing {@code document} and leaving {@code leaveAlone}. */
    protected boolean update(A changed, long expectedVersion, D document, String[] leaveAlone, OutboxEvent... audit) {
        List<OutboxEvent> outbox = new ArrayList<>(events.sequenced(changed.id(), expectedVersion, changed.newEvents()));
        outbox.addAll(List.of(audit));
        return store.update(collection, changed.id(), expectedVersion, document, outbox, leaveAlone);
    }

    /** The aggregate as stored, whoever may see it: the use case decides that. */
    public Optional<A> find(String id) {
        return Optional.ofNullable(mongo.findById(id, documentType, collection)).map(toAggregate);
    }

    protected D document(A aggregate) {
        return toDocument.apply(aggregate);
    }

    protected A aggregate(D document) {
        return toAggregate.apply(document);
    }
}
