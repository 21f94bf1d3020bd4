import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long after a share is revoked does case-service refuse the partner: revoke through sharing-service, then poll
 * the case through the gateway as the partner every 5 ms until it answers 404. Also how long a new share takes to
 * let the partner in. Run from the repository root with the local stack up:
 * <pre>
 *   java bench/RevokeLatencyBench.java [rounds=30]
 * </pre>
 */
public class RevokeLatencyBench {

    static final String GATEWAY = "http://localhost:8080";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String jo = token("jo.smith");
        String pc = token("pc.adams");
        List<Double> grant = new ArrayList<>();
        List<Double> revoke = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            String caseId = field(send(jo, "POST", "/api/v1/cases",
                    "{\"type\":\"ASB_NUISANCE\",\"title\":\"Revoke latency round " + round + "\"}").body(), "id");
            waitFor(jo, "/api/v1/sharing/cases/" + caseId + "/access", 200, 30_000);

            long shared = System.nanoTime();
            String shareId = field(send(jo, "POST", "/api/v1/sharing/cases/" + caseId + "/shares",
                    "{\"kind\":\"ORGANISATION\",\"principal\":\"CLEVELAND_POLICE\",\"level\":\"VIEW\",\"reason\":\"bench\"}").body(), "id");
            waitFor(pc, "/api/v1/cases/" + caseId, 200, 30_000);
            grant.add((System.nanoTime() - shared) / 1e6);

            long revoked = System.nanoTime();
            send(jo, "DELETE", "/api/v1/sharing/cases/" + caseId + "/shares/" + shareId, null);
            waitFor(pc, "/api/v1/cases/" + caseId, 404, 30_000);
            revoke.add((System.nanoTime() - revoked) / 1e6);
        }
        System.out.printf("%n%-40s %8s %10s %10s %10s%n", "from the sharing change to case-service", "rounds", "p50 ms",
                "p99 ms", "max ms");
        print("share: partner can read the case", grant);
        print("revoke: partner gets 404", revoke);
    }

    static void print(String name, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("%-40s %8d %10.0f %10.0f %10.0f%n", name, sorted.size(), at(sorted, 50), at(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    static double at(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static void waitFor(String token, String path, int status, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (send(token, "GET", path, null).statusCode() != status) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(path + " never answered " + status);
            }
            Thread.sleep(5);
        }
    }

    static HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(String user) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:9000/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return field(body, "access_token");
    }

    static String field(String json, String name) {
        return json.replaceAll(".*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }
}
