package org.casebridge.localstack;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A single-field unique index (above all {@code _id}) that also serves a query naming its field beside other
 * conditions. mongo-java-server uses an index only for a query on exactly its fields, so {@code {_id: x, version: 3}}
 * (every conditional save) and {@code {_id: x, access.view: {$in: [...]}}} (every access-checked read) scanned the
 * whole collection; here they look up the one document with that {@code _id} and check the rest of the query on it.
 * Safe because a query's top-level conditions (and those of a top-level {@code $and}) all have to hold: the documents
 * the field's own condition finds are always a superset of those the whole query matches. Everything else is the
 * wrapped index's.
 */
final class UniqueKeyLookup extends Index<Object> {

    private final Index<Object> index;
    private final String field;

    /** {@code sparse} as the index was made (the wrapped index keeps it to itself). */
    UniqueKeyLookup(Index<Object> index, boolean sparse) {
        super(index.getName(), index.getKeys(), sparse);
        this.index = index;
        this.field = index.getKeys().size() == 1 ? index.getKeys().get(0).getKey() : null;
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || index.canHandle(narrowed(query));
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return index.canHandle(query) ? index.getPositions(query) : index.getPositions(narrowed(query));
    }

    /**
     * The query's condition on the index's field alone, at the top or in a top-level {@code $and} (an empty query,
     * which no index handles, when it has none).
     */
    private Document narrowed(Document query) {
        if (field == null) {
            return new Document();
        }
        if (query.size() > 1 && query.containsKey(field)) {
            return new Document(field, query.get(field));
        }
        if (query.size() == 1 && query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document condition && condition.size() == 1 && condition.containsKey(field)) {
                    return condition;
                }
            }
        }
        return new Document();
    }

    @Override
    public Object getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        index.add(document, position, collection);
    }

    @Override
    public Object remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        index.drop();
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }
}
