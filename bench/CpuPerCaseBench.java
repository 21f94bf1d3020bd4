import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the local stack's CPU goes: each process's CPU time (utime + stime from {@code /proc/<pid>/stat}) over a
 * stretch of idle, then over a stretch of cases opened through the gateway at a fixed rate (an open model: a request
 * goes out on schedule whether or not earlier ones were answered), each case by jo.smith with raj.patel as lead
 * officer, so that it flows through every service and ends as an inbox entry and an e-mail. The load window runs on
 * for a drain period after the last request, so the events the cases caused are counted too; the idle rate times the
 * window's length is taken off. Prints figures only. Run by {@code bench/cpu-per-case.sh}, which finds the pids:
 * <pre>
 *   java bench/CpuPerCaseBench.java idleSeconds rate loadSeconds drainSeconds name=pid [name=pid ...]
 * </pre>
 */
public class CpuPerCaseBench {

    static final String GATEWAY = "http://localhost:8080";
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{24})\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final double TICK_MS = 1000.0 / Long.getLong("clk.tck", 100);

    public static void main(String[] args) throws Exception {
        int idleSeconds = Integer.parseInt(args[0]);
        int rate = Integer.parseInt(args[1]);
        int loadSeconds = Integer.parseInt(args[2]);
        int drainSeconds = Integer.parseInt(args[3]);
        Map<String, Long> pids = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] nameAndPid = args[i].split("=");
            pids.put(nameAndPid[0], Long.parseLong(nameAndPid[1]));
        }
        String jo = token("jo.smith");
        // a freshly started stack is still compiling and its consumers still settling: warm it up, unmeasured
        System.out.println("Warming up: 5 cases a second for 10 s, then 15 s to settle");
        openCases(jo, 5, 10, "Warm-up");
        Thread.sleep(15_000);

        System.out.printf("Idle for %d s%n", idleSeconds);
        Map<String, Long> before = cpuTicks(pids);
        long idleStart = System.nanoTime();
        Thread.sleep(idleSeconds * 1000L);
        Map<String, Long> afterIdle = cpuTicks(pids);
        double idleWindow = (System.nanoTime() - idleStart) / 1e9;

        System.out.printf("Load: %d cases a second for %d s, then %d s to drain%n", rate, loadSeconds, drainSeconds);
        long loadStart = System.nanoTime();
        Load load = openCases(jo, rate, loadSeconds, "CPU bench");
        Thread.sleep(drainSeconds * 1000L);
        Map<String, Long> afterLoad = cpuTicks(pids);
        double loadWindow = (System.nanoTime() - loadStart) / 1e9;

        int cases = load.answered.size();
        System.out.printf("%nCPU of the local stack on %s (%d cores): idle %.1f s; load %d cases (%d refused) over %.1f s "
                        + "incl. drain; POST p50 %.1f ms, p99 %.1f ms%n%n", java.net.InetAddress.getLocalHost().getHostName(),
                Runtime.getRuntime().availableProcessors(), idleWindow, cases, load.refused.get(), loadWindow,
                percentile(load.answered, 50), percentile(load.answered, 99));
        System.out.printf("%-22s %14s %14s %14s %10s%n", "process", "idle CPU-s/20s", "load CPU-s", "CPU-ms/case", "RSS MB");
        double idleTotal = 0, loadTotal = 0, perCaseTotal = 0;
        long rssTotal = 0;
        for (String name : pids.keySet()) {
            double idleMs = (afterIdle.get(name) - before.get(name)) * TICK_MS;
            double loadMs = (afterLoad.get(name) - afterIdle.get(name)) * TICK_MS;
            double idlePer20 = idleMs / idleWindow * 20 / 1000;
            double net = loadMs - idleMs / idleWindow * loadWindow;
            double perCase = cases == 0 ? 0 : net / cases;
            idleTotal += idlePer20;
            loadTotal += loadMs / 1000;
            perCaseTotal += perCase;
            long rss = rssMb(pids.get(name));
            rssTotal += rss;
            System.out.printf("%-22s %14.2f %14.2f %14.1f %10d%n", name, idlePer20, loadMs / 1000, perCase, rss);
        }
        System.out.printf("%-22s %14.2f %14.2f %14.1f %10d%n", "TOTAL", idleTotal, loadTotal, perCaseTotal, rssTotal);
    }

    record Load(List<Double> answered, AtomicInteger refused) {
    }

    /** Cases opened at a fixed rate; returns once every request is answered (or failed). */
    static Load openCases(String token, int rate, int seconds, String title) throws Exception {
        List<Double> answered = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        int total = rate * seconds;
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(() -> {
            int n = sent.incrementAndGet();
            if (n > total) {
                return;
            }
            long start = System.nanoTime();
            HTTP.sendAsync(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/cases"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"ASB_PERSONAL\",\"title\":\"" + title + " " + n
                                    + "\",\"leadOfficer\":\"raj.patel\",\"team\":\"STOCKTON_ASB\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                        if (failure == null && response.statusCode() == 201 && ID.matcher(response.body()).find()) {
                            answered.add((System.nanoTime() - start) / 1e6);
                        } else {
                            refused.incrementAndGet();
                            refusals.merge(failure == null ? String.valueOf(response.statusCode())
                                    : failure.getClass().getSimpleName(), 1, Integer::sum);
                        }
                    });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60L);
        while ((sent.get() < total || answered.size() + refused.get() < total) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        clock.shutdown();
        if (!refusals.isEmpty()) {
            System.out.println("  refused or failed: " + refusals);
        }
        return new Load(answered, refused);
    }

    /** utime + stime of each process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat, after the name). */
    static Map<String, Long> cpuTicks(Map<String, Long> pids) throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : pids.entrySet()) {
            String stat = Files.readString(Path.of("/proc", String.valueOf(entry.getValue()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks.put(entry.getKey(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        }
        return ticks;
    }

    /** Resident set size now (after the load), from /proc/<pid>/status. */
    static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return 0;
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
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
