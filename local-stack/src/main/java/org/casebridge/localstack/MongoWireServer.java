package org.casebridge.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded MongoDB-wire server: mongo-java-server on an H2 file under {@code data/mongo}, so data survives a
 * restart. No sessions or transactions here, which is why the outbox lives inside each aggregate's document.
 *
 * <p>Durability: H2's MVStore on its own commits on a timer (about once a second), so a killed process lost the
 * writes it had already acknowledged. Here every write command is committed to the file before its reply goes out
 * ({@link #COMMIT_PER_WRITE}): a killed process (SIGKILL, OOM killer, crash) loses nothing it acknowledged. A commit
 * hands the bytes to the operating system but does not fsync, so a power cut or kernel crash can still lose the last
 * seconds unless {@link #FSYNC_PER_WRITE} is set. {@code MongoWireCrashIT} holds this; docs/benchmarks.md has the cost.
 */
public final class MongoWireServer {

    private static final java.util.Set<String> WRITES = java.util.Set.of("insert", "update", "delete", "findAndModify");

    /** Commands that change data or its layout, committed to the file before they are acknowledged. */
    private static final java.util.Set<String> COMMITTED = java.util.Set.of("insert", "update", "delete",
            "findAndModify", "create", "createIndexes", "drop", "dropIndexes", "dropDatabase", "renameCollection");

    /** {@code false} only to measure the old timer-only behaviour (bench/mongo-wire-writes.sh). */
    static final boolean COMMIT_PER_WRITE = Boolean.parseBoolean(
            System.getProperty("casebridge.mongo.commit-per-write", "true"));

    /** Also fsync after each write: survives a power cut too, at a much higher cost per write. Off by default. */
    static final boolean FSYNC_PER_WRITE = Boolean.parseBoolean(
            System.getProperty("casebridge.mongo.fsync-per-write", "false"));

    private MongoWireServer() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(file.getParent());
        H2Backend backend = backend(file);
        // No oplog (enableOplog): nothing reads change streams, and it wrote a second document, with its unique-index
        // check, for every write, and grew without end; the wire server's CPU under load was mostly spent there.
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
        }, "mongo-wire-shutdown"));
        System.out.println("MongoDB-wire server on port " + port + ", data in " + file);
        Thread.currentThread().join();
    }

    /** The store on {@code file}: writes committed before they are acknowledged, unique indexes that narrow queries. */
    static H2Backend backend(Path file) {
        return new H2Backend(file.toString()) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String name) {
                return new H2Database(name, getMvStore(), getCursorRegistry()) {
                    @Override
                    protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
                            boolean sparse) {
                        return new UniqueKeyLookup(super.openOrCreateUniqueIndex(collection, index, keys, sparse), sparse);
                    }
                };
            }

            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                if (!COMMIT_PER_WRITE || !COMMITTED.contains(command)) {
                    return apply(channel, database, command, query);
                }
                try {
                    return apply(channel, database, command, query);
                } finally {
                    // before the reply goes out; in finally, as a failed multi-document write may have applied part
                    // of itself. Outside the lock, so writers that came in meanwhile share one commit (group commit).
                    commitToFile();
                }
            }

            // mongo-java-server does not make a conditional update atomic; real MongoDB does, per document
            private Document apply(Channel channel, String database, String command, Document query) {
                if (!WRITES.contains(command)) {
                    return super.handleCommand(channel, database, command, query);
                }
                synchronized (this) {
                    return super.handleCommand(channel, database, command, query);
                }
            }

            private void commitToFile() {
                // MVStore.commit() waits for any commit in progress, then writes what is not yet written (this
                // write, if that commit did not already include it) as a new chunk with a FileChannel write: in the
                // OS page cache, so it survives this process being killed. The 1-second timer stays, for housekeeping.
                getMvStore().commit();
                if (FSYNC_PER_WRITE) {
                    getMvStore().sync(); // FileChannel.force(true): on the disk, survives a power cut
                }
            }
        };
    }
}
