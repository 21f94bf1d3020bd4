package org.casebridge.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded MongoDB-wire server: mongo-java-server on an H2 file under {@code data/mongo}, so data survives a
 * restart. It commits to disk about once a second, hence the shutdown hook that closes it cleanly on SIGTERM.
 * No sessions or transactions here, which is why the outbox lives inside each aggregate's document.
 */
public final class MongoWireServer {

    private static final java.util.Set<String> WRITES = java.util.Set.of("insert", "update", "delete", "findAndModify");

    private MongoWireServer() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(file.getParent());
        H2Backend backend = new H2Backend(file.toString()) {
            // mongo-java-server does not make a conditional update atomic; real MongoDB does, per document
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                if (!WRITES.contains(command)) {
                    return super.handleCommand(channel, database, command, query);
                }
                synchronized (this) {
                    return super.handleCommand(channel, database, command, query);
                }
            }
        };
        MongoServer server = new MongoServer(backend);
        server.enableOplog();
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
        }, "mongo-wire-shutdown"));
        System.out.println("MongoDB-wire server on port " + port + ", data in " + file);
        Thread.currentThread().join();
    }
}
