import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The case pipeline under a fixed arrival rate: cases opened through the gateway at each rate for a while (an open
 * model: a request goes out on schedule whether or not earlier ones have been answered), and for each case the time
 * from sending the request until (a) sharing-service's effective access for it is on {@code casebridge.access.v1} and
 * (b) the lead officer's notification is in the inbox (notification-service publishes it on
 * {@code casebridge.notification.v1} once stored). At the same time, at the same rate, the raw end-to-end latency of
 * the same broker under that load: a 1 KB record produced with acks=all until a consumer has it. Run by {@code bench/case-pipeline.sh}, which
 * starts the stack with the gateway's per-caller limit raised; by hand against a stack started so:
 * <pre>
 *   java -cp "&lt;local-stack runtime classpath&gt;" bench/CasePipelineBench.java [seconds=20] [rates=10,20,50,200]
 * </pre>
 */
public class CasePipelineBench {

    static final String GATEWAY = "http://localhost:8080";
    static final String KAFKA = "localhost:9092";
    static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([0-9a-f]{24})\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{24})\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String[] rates = (args.length > 1 ? args[1] : "10,20,50,200").split(",");
        String jo = token("jo.smith");
        // a freshly started stack is still compiling and its consumer groups still settling: warm it up, unmeasured
        System.out.println("Warming up: 5 cases a second for 30 s");
        casePipeline(jo, 5, 30);
        List<String> rows = new ArrayList<>();
        for (String rateText : rates) {
            int rate = Integer.parseInt(rateText.trim());
            // both at once, so the broker's own latency is measured under the load the pipeline puts on the machine
            var raw = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return rawKafka(rate, seconds);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> pipeline = casePipeline(jo, rate, seconds);
            rows.addAll(raw.get());
            rows.addAll(pipeline);
        }
        System.out.printf("%nCase pipeline and raw Kafka, %d s at each rate, on %s (%d cores)%n%n", seconds,
                java.net.InetAddress.getLocalHost().getHostName(), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-6s %-38s %7s %7s %9s %9s %9s%n", "rate/s", "measured", "sent", "arrived", "p50 ms",
                "p99 ms", "max ms");
        rows.forEach(System.out::println);
    }

    /** Cases opened at a fixed rate; latency from send until the access decision and the notification appear. */
    static List<String> casePipeline(String token, int rate, int seconds) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> accessAt = new ConcurrentHashMap<>();
        Map<String, Long> noticeAt = new ConcurrentHashMap<>();
        List<Double> answered = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        AtomicBoolean listening = new AtomicBoolean(true);
        Thread access = listen("casebridge.access.v1", listening, record -> accessAt.putIfAbsent(record.key(), System.nanoTime()));
        Thread notices = listen("casebridge.notification.v1", listening, record -> {
            Matcher m = CASE_ID.matcher(new String(record.value(), StandardCharsets.UTF_8));
            if (m.find()) {
                noticeAt.putIfAbsent(m.group(1), System.nanoTime());
            }
        });
        Thread.sleep(3000); // let both consumers take their partitions before the first case
        int total = rate * seconds;
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        clock.scheduleAtFixedRate(() -> {
            int n = sent.incrementAndGet();
            if (n > total) {
                return;
            }
            long start = System.nanoTime();
            HTTP.sendAsync(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/cases"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"ASB_PERSONAL\",\"title\":\"Pipeline bench " + n
                            + "\",\"leadOfficer\":\"raj.patel\",\"team\":\"STOCKTON_ASB\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                        if (failure == null && response.statusCode() == 201) {
                            Matcher m = ID.matcher(response.body());
                            m.find();
                            sentAt.put(m.group(1), start);
                            answered.add((System.nanoTime() - start) / 1e6);
                        } else {
                            refused.incrementAndGet();
                            refusals.merge(failure == null ? String.valueOf(response.statusCode())
                                    : failure.getClass().getSimpleName(), 1, Integer::sum);
                        }
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(100);
        }
        clock.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(60, seconds * 3L));
        while (System.nanoTime() < deadline && (answered.size() + refused.get() < total
                || !accessAt.keySet().containsAll(sentAt.keySet()) || !noticeAt.keySet().containsAll(sentAt.keySet()))) {
            Thread.sleep(200);
        }
        listening.set(false);
        access.join();
        notices.join();
        List<String> rows = new ArrayList<>();
        rows.add(row(rate, "POST /cases answered (201)", total, answered));
        if (refused.get() > 0) {
            rows.add(String.format("%-6d %-38s %7d  %s", rate, "POST /cases refused or failed", refused.get(), refusals));
        }
        rows.add(row(rate, "case opened -> access published", total, latencies(sentAt, accessAt)));
        rows.add(row(rate, "case opened -> notification in inbox", total, latencies(sentAt, noticeAt)));
        return rows;
    }

    /**
     * The stack's broker serves only signed-in clients: the bench signs in as its operator ({@code admin}), with the
     * password the stack keeps in its data directory ({@code -Dcasebridge.data}, as bench/stack.sh passes it).
     */
    static Properties signedIn() {
        Properties config = new Properties();
        config.putAll(org.casebridge.localstack.KafkaSecurity.of(java.nio.file.Path.of(System.getProperty("casebridge.data", "data")))
                .client(KAFKA, "admin"));
        return config;
    }

    /** The same broker on its own: 1 KB records at the same rate, acks=all, until a consumer polls them. */
    static List<String> rawKafka(int rate, int seconds) throws Exception {
        String topic = "bench.raw-latency." + rate + "." + System.currentTimeMillis();
        Properties admin = new Properties();
        admin.putAll(signedIn());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        List<Double> latencies = new CopyOnWriteArrayList<>();
        AtomicBoolean listening = new AtomicBoolean(true);
        Thread consumer = listen(topic, listening, record -> {
            long sent = Long.parseLong(record.key());
            latencies.add((System.nanoTime() - sent) / 1e6);
        });
        Thread.sleep(3000);
        Properties config = new Properties();
        config.putAll(signedIn());
        config.put("acks", "all");
        config.put("linger.ms", "0");
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", ByteArraySerializer.class.getName());
        int total = rate * seconds;
        byte[] payload = new byte[1024];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger sent = new AtomicInteger();
            clock.scheduleAtFixedRate(() -> {
                if (sent.incrementAndGet() <= total) {
                    producer.send(new ProducerRecord<>(topic, String.valueOf(System.nanoTime()), payload));
                }
            }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
            while (sent.get() < total) {
                Thread.sleep(100);
            }
            clock.shutdown();
            producer.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (latencies.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        listening.set(false);
        consumer.join();
        return List.of(row(rate, "raw Kafka produce -> consume (1 KB)", total, latencies));
    }

    interface OnRecord {
        void accept(ConsumerRecord<String, byte[]> record);
    }

    /** A consumer that starts at the end of the topic and hands every new record over until told to stop. */
    static Thread listen(String topic, AtomicBoolean listening, OnRecord onRecord) {
        Properties config = new Properties();
        config.putAll(signedIn());
        config.put("group.id", "bench-" + topic + "-" + System.nanoTime());
        config.put("auto.offset.reset", "latest");
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", ByteArrayDeserializer.class.getName());
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position); // fix the starting offsets now, before anything is sent
                while (listening.get()) {
                    consumer.poll(Duration.ofMillis(50)).forEach(onRecord::accept);
                }
            }
        }, "listen-" + topic);
        thread.start();
        return thread;
    }

    static List<Double> latencies(Map<String, Long> sentAt, Map<String, Long> arrivedAt) {
        List<Double> out = new ArrayList<>();
        sentAt.forEach((id, sent) -> {
            Long arrived = arrivedAt.get(id);
            if (arrived != null) {
                out.add((arrived - sent) / 1e6);
            }
        });
        return out;
    }

    static String row(int rate, String what, int sent, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return String.format("%-6d %-38s %7d %7d", rate, what, sent, 0);
        }
        return String.format("%-6d %-38s %7d %7d %9.1f %9.1f %9.1f", rate, what, sent, sorted.size(),
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    static String token(String user) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:9000/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + body);
        }
        return m.group(1);
    }
}
