import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long after a share is revoked does every service refuse the partner: revoke through sharing-service, then poll,
 * through the gateway as the partner every few milliseconds, the case (case-service), a task on it (tasking-service)
 * and a person linked to it (party-service) until each answers 404. Also how long a new share takes to let the partner
 * in to each. Run from the repository root with the local stack up:
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
        String[] services = {"case-service (the case)", "tasking-service (a task on it)", "party-service (a person on it)"};
        List<List<Double>> grant = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Double>> revoke = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < rounds; round++) {
            String caseId = field(send(jo, "POST", "/api/v1/cases",
                    "{\"type\":\"ASB_NUISANCE\",\"title\":\"Revoke latency round " + round + "\"}").body(), "id");
            waitFor(jo, "/api/v1/sharing/cases/" + caseId + "/access", 200, 30_000);
            waitFor(jo, "/api/v1/tasks?view=CASE&case=" + caseId, 200, 30_000);
            String taskId = idOf(send(jo, "POST", "/api/v1/tasks", "{\"caseId\":\"" + caseId + "\",\"title\":\"Bench task\"}")
                    .body());
            String personId = idOf(send(jo, "POST", "/api/v1/parties/people",
                    "{\"givenName\":\"Bench\",\"familyName\":\"Round" + round + "\"}").body());
            send(jo, "POST", "/api/v1/cases/" + caseId + "/links",
                    "{\"target\":\"PERSON\",\"targetId\":\"" + personId + "\",\"role\":\"WITNESS\"}");
            String[] paths = {"/api/v1/cases/" + caseId, "/api/v1/tasks/" + taskId, "/api/v1/parties/people/" + personId};
            // party-service learns of the link from case-service's event before the share can reach the person
            waitFor(jo, "/api/v1/parties/people/" + personId + "/involvement", 200, 30_000);
            Thread.sleep(300);

            long shared = System.nanoTime();
            String shareId = field(send(jo, "POST", "/api/v1/sharing/cases/" + caseId + "/shares",
                    "{\"kind\":\"ORGANISATION\",\"principal\":\"CLEVELAND_POLICE\",\"level\":\"VIEW\",\"reason\":\"bench\"}").body(), "id");
            record(pc, paths, 200, shared, grant);

            long revoked = System.nanoTime();
            send(jo, "DELETE", "/api/v1/sharing/cases/" + caseId + "/shares/" + shareId, null);
            record(pc, paths, 404, revoked, revoke);
        }
        System.out.printf("%n%-52s %8s %10s %10s %10s%n", "from the sharing change until enforced by", "rounds", "p50 ms",
                "p99 ms", "max ms");
        for (int i = 0; i < services.length; i++) {
            print("share, " + services[i], grant.get(i));
        }
        for (int i = 0; i < services.length; i++) {
            print("revoke, " + services[i], revoke.get(i));
        }
    }

    /** Polls every path in turn until each answers {@code status}, noting when each first did. */
    static void record(String token, String[] paths, int status, long since, List<List<Double>> into) throws Exception {
        boolean[] done = new boolean[paths.length];
        long deadline = System.currentTimeMillis() + 30_000;
        int left = paths.length;
        while (left > 0) {
            for (int i = 0; i < paths.length; i++) {
                if (!done[i] && send(token, "GET", paths[i], null).statusCode() == status) {
                    done[i] = true;
                    left--;
                    into.get(i).add((System.nanoTime() - since) / 1e6);
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("not every service answered " + status + " within 30 s");
            }
            Thread.sleep(2);
        }
    }

    static void print(String name, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("%-52s %8d %10.0f %10.0f %10.0f%n", name, sorted.size(), at(sorted, 50), at(sorted, 99),
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

    /** The id a created resource's JSON starts with (nested objects have ids of their own). */
    static String idOf(String json) {
        return json.replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
    }

    static String field(String json, String name) {
        return json.replaceAll(".*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }
}
