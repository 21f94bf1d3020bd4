package org.casebridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * The MongoDB-wire server, in its own process, is written to as fast as several clients can, killed with SIGKILL
 * mid-stream and started again on the same file: every write it acknowledged must still be there, and a counter
 * handed out by findAndModify (how case references are made) must not go back.
 */
class MongoWireCrashIT {

    private static final int INSERTERS = 3;

    private final List<ChildProcess> started = new ArrayList<>();

    @AfterEach
    void stopServers() {
        started.forEach(server -> server.stop(Duration.ofSeconds(10)));
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        Path dir = Path.of("target", "mongo-crash", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve("casebridge.mv");

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong highestCounter = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();

        int port = freePort();
        ChildProcess server = startServer(dir, file, port);
        ExecutorService writers = Executors.newFixedThreadPool(INSERTERS + 1);
        try (MongoClient client = clientFor(port)) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            MongoCollection<Document> counters = client.getDatabase("crash").getCollection("counters");
            for (int t = 0; t < INSERTERS; t++) {
                String thread = "w" + t;
                writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String id = thread + "-" + i;
                        try {
                            docs.insertOne(new Document("_id", id).append("payload", "x".repeat(200)));
                        } catch (MongoException killed) {
                            return; // not acknowledged, so not counted
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                            return;
                        }
                        acknowledged.add(id); // insertOne returned: the server acknowledged it
                    }
                });
            }
            writers.submit(() -> {
                while (!stop.get()) {
                    Document next;
                    try {
                        next = counters.findOneAndUpdate(Filters.eq("_id", "reference"), Updates.inc("value", 1L),
                                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                    } catch (MongoException killed) {
                        return;
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                        return;
                    }
                    highestCounter.accumulateAndGet(next.getLong("value"), Math::max);
                }
            });

            // kill it while every writer is still going, well before its own 1-second timer would have committed
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 1500 && highestCounter.get() >= 100);
            server.kill();
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).as("writers end once the server is gone").isTrue();
        } finally {
            writers.shutdownNow();
        }
        started.remove(server);
        assertThat(server.isAlive()).isFalse();
        assertThat(unexpected).isEmpty();

        int againOn = freePort();
        startServer(dir, file, againOn);
        try (MongoClient client = clientFor(againOn)) {
            Set<String> found = new HashSet<>();
            client.getDatabase("crash").getCollection("docs").find().projection(Projections.include("_id"))
                    .forEach(document -> found.add(document.getString("_id")));
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(found);
            System.out.printf("MongoWireCrashIT: %d inserts and %d counter increments acknowledged, %d inserts lost%n",
                    acknowledged.size(), highestCounter.get(), lost.size());
            assertThat(lost).as("acknowledged inserts lost by the kill (of %d acknowledged)", acknowledged.size()).isEmpty();

            Document counter = client.getDatabase("crash").getCollection("counters").find(Filters.eq("_id", "reference")).first();
            assertThat(counter).as("the counter document").isNotNull();
            assertThat(counter.getLong("value")).as("the counter must not hand out a value twice")
                    .isGreaterThanOrEqualTo(highestCounter.get());
        }
    }

    private ChildProcess startServer(Path dir, Path file, int port) throws IOException, InterruptedException {
        ChildProcess server = ChildProcess.startJava("mongo-" + port, dir.resolve("logs"),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")),
                List.of(MongoWireServer.class.getName(), file.toString(), String.valueOf(port)), Map.of());
        started.add(server);
        server.awaitPort(port, Duration.ofSeconds(60));
        return server;
    }

    private static MongoClient clientFor(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/?retryWrites=false"))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(3, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                .build());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
