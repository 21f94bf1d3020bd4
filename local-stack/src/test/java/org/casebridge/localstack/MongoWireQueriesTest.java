package org.casebridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The wire server answers a query that names a unique field beside other conditions (looked up through the index) as
 * a full scan would: the right documents, and none that fail the other conditions.
 */
class MongoWireQueriesTest {

    private static Path dir;
    private static H2Backend backend;
    private static MongoServer server;
    private static MongoClient client;
    private static MongoCollection<Document> cases;
    private static final ObjectId FIRST = new ObjectId();
    private static final ObjectId SECOND = new ObjectId();

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("mongo-wire-queries");
        backend = MongoWireServer.backend(dir.resolve("data.mv"));
        server = new MongoServer(backend);
        client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort());
        cases = client.getDatabase("queries").getCollection("cases");
        cases.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true).sparse(true));
        cases.insertOne(new Document("_id", FIRST).append("reference", "CB-1").append("version", 1)
                .append("access", new Document("view", List.of("org:STOCKTON_CST"))));
        cases.insertOne(new Document("_id", SECOND).append("reference", "CB-2").append("version", 4)
                .append("access", new Document("view", List.of("org:CLEVELAND_POLICE"))));
        cases.insertOne(new Document("_id", new ObjectId()).append("version", 1)); // no reference: not in the sparse index
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
        backend.close();
    }

    @Test
    void anIdWithAnotherConditionFindsTheDocumentOnlyWhenBothHold() {
        assertThat(ids(query("_id", FIRST).append("access.view", in("org:STOCKTON_CST")))).containsExactly(FIRST);
        assertThat(ids(query("_id", FIRST).append("access.view", in("org:CLEVELAND_POLICE")))).isEmpty();
        assertThat(ids(query("_id", new ObjectId()).append("version", 1))).isEmpty();
    }

    @Test
    void anIdInsideAnAndWithOtherConditions() {
        assertThat(ids(Filters.and(Filters.eq("_id", SECOND), Filters.eq("version", 4)))).containsExactly(SECOND);
        assertThat(ids(Filters.and(Filters.eq("_id", SECOND), Filters.eq("version", 1)))).isEmpty();
        assertThat(ids(Filters.and(Filters.in("access.view", "org:STOCKTON_CST"), Filters.eq("_id", FIRST)))).containsExactly(FIRST);
    }

    @Test
    void idsInAListWithAnotherCondition() {
        assertThat(ids(query("_id", in(FIRST, SECOND)).append("version", new Document("$gt", 2)))).containsExactly(SECOND);
    }

    @Test
    void anotherUniqueFieldWithOtherConditionsIncludingOr() {
        assertThat(ids(query("reference", "CB-2").append("$or", List.of(query("version", 4), query("version", 5)))))
                .containsExactly(SECOND);
        assertThat(ids(query("reference", "CB-2").append("version", 1))).isEmpty();
        // null is not looked up in a sparse index: the document without a reference is still found, by a scan
        assertThat(ids(query("reference", null).append("version", 1))).hasSize(1);
    }

    @Test
    void aConditionalUpdateChangesTheDocumentOnlyAtTheExpectedVersion() {
        ObjectId id = new ObjectId();
        cases.insertOne(new Document("_id", id).append("version", 1));
        assertThat(cases.updateOne(query("_id", id).append("version", 2), Updates.set("version", 3)).getModifiedCount()).isZero();
        assertThat(cases.updateOne(query("_id", id).append("version", 1), Updates.set("version", 2)).getModifiedCount()).isOne();
        assertThat(cases.find(query("_id", id)).first().getInteger("version")).isEqualTo(2);
        assertThat(cases.deleteOne(query("_id", id).append("version", 1)).getDeletedCount()).isZero();
        assertThat(cases.deleteOne(query("_id", id).append("version", 2)).getDeletedCount()).isOne();
    }

    /** As Spring Data writes a criteria of several fields: one document, each field a condition. */
    private static Document query(String field, Object condition) {
        return new Document(field, condition);
    }

    private static Document in(Object... values) {
        return new Document("$in", List.of(values));
    }

    private static List<Object> ids(Bson filter) {
        return cases.find(filter).map(d -> d.get("_id")).into(new ArrayList<>());
    }
}
