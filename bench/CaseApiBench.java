import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Case create and case search through the gateway of a running local stack, with N cases stored.
 * Run from the repository root, with the stack up ({@code ./mvnw -q install -DskipTests -Dstart}):
 * <pre>
 *   java bench/CaseApiBench.java [cases=100000] [threads=16] [searches=2000]
 * </pre>
 * It first stores cases through the API (that is the create benchmark: every request is measured), then runs a mix
 * of searches and prints p50/p99 latency and throughput for each.
 */
public class CaseApiBench {

    static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");
    static final String ISSUER = System.getProperty("issuer", "http://localhost:9000");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String[] TYPES = {"ASB_PERSONAL", "ASB_NUISANCE", "ASB_ENVIRONMENTAL", "NEIGHBOUR_DISPUTE", "HATE_INCIDENT",
            "FIRE_SETTING", "VULNERABLE_ADULT"};
    static final String[] STREETS = {"Elm Road", "Zetland Crescent", "Oxbridge Lane", "Norton Road", "Parliament Road",
            "Linthorpe Road", "Marske Street", "Yarm Lane", "Dovecot Street", "Lanehouse Road"};
    static final String[] WHAT = {"Noise", "Threats", "Graffiti", "Fly-tipping", "Youths gathering", "Drug dealing",
            "Harassment", "Criminal damage", "Dog fouling", "Abandoned car"};

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int searches = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        String token = token("jo.smith");

        System.out.printf("Storing %,d cases through %s with %d concurrent clients...%n", cases, GATEWAY, threads);
        Result create = run(cases, threads, i -> {
            String title = WHAT[i % WHAT.length] + " at " + (i % 200 + 1) + " " + STREETS[(i / 7) % STREETS.length];
            return HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/cases"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"" + TYPES[i % TYPES.length] + "\",\"title\":\""
                            + title + "\",\"team\":\"STOCKTON_ASB\"}"))
                    .build();
        }, 201);

        Random random = new Random(42);
        List<Result> results = new ArrayList<>();
        results.add(create.named("create case (POST /api/v1/cases)"));
        results.add(run(searches, threads, i -> get(token, "/api/v1/cases?limit=20"), 200).named("newest 20 visible"));
        results.add(run(searches, threads, i -> get(token, "/api/v1/cases?limit=20&type=" + TYPES[random.nextInt(TYPES.length)]
                + "&status=OPEN"), 200).named("by type and status"));
        results.add(run(searches, threads, i -> get(token, "/api/v1/cases?limit=20&q="
                + URLEncoder.encode(WHAT[random.nextInt(WHAT.length)] + " " + STREETS[random.nextInt(STREETS.length)],
                        StandardCharsets.UTF_8)), 200).named("free text (2 words)"));
        results.add(run(searches, threads, i -> get(token, "/api/v1/cases?limit=20&reference=ASB-2026-"
                + String.format("%06d", 1 + random.nextInt(Math.max(1, cases / 4)))), 200).named("by reference"));

        System.out.printf("%n%-34s %10s %10s %10s %12s %8s%n", "operation", "requests", "p50 ms", "p99 ms", "req/s", "errors");
        for (Result r : results) {
            System.out.printf("%-34s %,10d %10.1f %10.1f %12.1f %8d%n", r.name, r.latenciesMs.size(), r.percentile(50),
                    r.percentile(99), r.throughput(), r.errors);
        }
    }

    static HttpRequest get(String token, String path) {
        return HttpRequest.newBuilder(URI.create(GATEWAY + path)).header("Authorization", "Bearer " + token).GET().build();
    }

    static String token(String user) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    static Result run(int requests, int threads, IntFunction<HttpRequest> request, int expectedStatus) throws Exception {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    try {
                        int status = HTTP.send(request.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != expectedStatus) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - sent) / 1e6);
                    if (i > 0 && i % 10_000 == 0) {
                        System.out.printf("  %,d done%n", i);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        return new Result("", new ArrayList<>(latencies), (System.nanoTime() - start) / 1e9, errors.get());
    }

    record Result(String name, List<Double> latenciesMs, double seconds, int errors) {
        Result named(String name) {
            return new Result(name, latenciesMs, seconds, errors);
        }

        double percentile(int p) {
            List<Double> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }

        double throughput() {
            return latenciesMs.size() / seconds;
        }
    }
}
