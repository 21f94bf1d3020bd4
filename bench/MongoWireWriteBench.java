import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Write rate of the embedded MongoDB-wire server: acknowledged {@code insertOne}s of a case-sized document (about
 * 1 KB), from 1 and from several client threads, against servers started with different durability settings
 * (bench/mongo-wire-writes.sh starts them). The targets take turns, round after round, so a slow patch of the shared
 * machine does not fall on one of them; the median round is reported.
 * <pre>
 *   java -cp CLASSPATH bench/MongoWireWriteBench.java seconds threads,... rounds name=port ...
 * </pre>
 */
public class MongoWireWriteBench {

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int[] threadCounts = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.parseInt(args[2]);
        Map<String, MongoClient> targets = new LinkedHashMap<>();
        for (String target : Arrays.copyOfRange(args, 3, args.length)) {
            String[] nameAndPort = target.split("=");
            targets.put(nameAndPort[0], MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + nameAndPort[1] + "/?retryWrites=false"))
                    .build()));
        }
        String payload = "x".repeat(800);
        // warm-up: the JIT, both ends, on every target
        for (MongoClient client : targets.values()) {
            run(client.getDatabase("bench").getCollection("warmup"), 2, 5, payload);
        }
        System.out.printf("%-28s %7s %7s %12s %8s %8s%n", "target", "threads", "round", "inserts/s", "p50 ms", "p99 ms");
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (int threads : threadCounts) {
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<String, MongoClient> target : targets.entrySet()) {
                    MongoCollection<Document> cases = target.getValue().getDatabase("bench").getCollection("cases");
                    double[] result = run(cases, threads, seconds, payload);
                    results.computeIfAbsent(target.getKey() + " " + threads, k -> new ArrayList<>()).add(result);
                    System.out.printf("%-28s %7d %7d %12.0f %8.2f %8.2f%n", target.getKey(), threads, round,
                            result[0], result[1], result[2]);
                }
            }
        }
        System.out.println();
        System.out.println("| server | threads | inserts/s (median of " + rounds + ") | p50 ms | p99 ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Map.Entry<String, List<double[]>> entry : results.entrySet()) {
            List<double[]> byRate = new ArrayList<>(entry.getValue());
            byRate.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] median = byRate.get(byRate.size() / 2);
            String[] key = entry.getKey().split(" ");
            System.out.printf("| %s | %s | %,.0f | %.2f | %.2f |%n", key[0], key[1], median[0], median[1], median[2]);
        }
        targets.values().forEach(MongoClient::close);
    }

    /** {inserts per second, p50 ms, p99 ms} of acknowledged inserts from {@code threads} threads for {@code seconds}. */
    private static double[] run(MongoCollection<Document> cases, int threads, int seconds, String payload)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(threads);
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[threads];
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[1_000_000];
            latencies.add(mine);
            int slot = t;
            Thread writer = new Thread(() -> {
                int n = 0;
                while (!stop.get() && n < mine.length) {
                    long start = System.nanoTime();
                    cases.insertOne(new Document("_id", new ObjectId()).append("type", "ASB_PERSONAL")
                            .append("title", "Noise and threats at 12 Elm Road").append("status", "OPEN")
                            .append("leadOfficer", "raj.patel").append("team", "STOCKTON_ASB").append("version", 1L)
                            .append("notes", payload));
                    mine[n++] = System.nanoTime() - start;
                }
                counts[slot] = n;
                done.countDown();
            });
            writer.start();
        }
        long started = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds); // the measured interval itself (a benchmark, not a test)
        stop.set(true);
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new double[] {total / elapsed, all[total / 2] / 1e6, all[(int) (total * 0.99)] / 1e6};
    }
}
