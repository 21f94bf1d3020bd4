package org.casebridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.casebridge.localstack.issuer.DemoPartnership;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access-control suite: the promise that no agency reads or changes what was not shared with it, tried as an
 * outsider would, on the running local stack, twice: through the gateway and straight against each service (a caller
 * inside the network must get no more than one coming through the front door).
 * <p>
 * Each route seeds its own records: for every organisation of the demo partnership a case, a person and a place linked
 * to it (the place made a location of concern, with reasons), a task on it and a task set with an Idempotency-Key;
 * Stockton's case shared with Thirteen Group to VIEW; a police restricted (DOMESTIC_ABUSE) case shared with Jo by name;
 * each organisation's place also linked, by the next organisation, to a case of its own (which must give it no say).
 * Then every demo user (practitioners, supervisors, the partnership administrator, the analyst) tries every other
 * organisation's records: read a case and its log, change it, link to it and link it, set a task on it, share it,
 * read its access and audit; read a person (and ask whether they are visible), link them to a case of one's own;
 * read a task; read a place's reasons for concern, change the place or its concern; push inbound records in as
 * another organisation; open a case or register a person in another organisation's name; replay another's
 * Idempotency-Key; find (search, by person, by place, incoming transfers, inbox); ask for access to a case unseen and
 * to no case at all. Owners try to share with, and set tasks for, another organisation's users while naming their own
 * organisation for them. Tokens the issuer's own key signed without an organisation, from another issuer, for another
 * audience or out of date, and tokens of the second issuer (Thirteen Group's own) claiming another organisation or
 * none, are tried on every service.
 * <p>
 * Every attempt on another organisation's records is counted; a leak is a refusal the rules demand that did not
 * happen (a 2xx, a 403 or 409 where the record must look as if it did not exist, reasons shown, a record found,
 * answers that differ between a case and no case). The suite prints how many attempts it made and how many leaked,
 * and fails on any leak and on any answer that differs from the rules.
 */
@ExtendWith(RunningStack.Shared.class)
@Order(Integer.MAX_VALUE - 2) // shares the stack and stops nothing: with the console's classes, before LocalStackIT's drills
class AccessControlSuiteIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GUESSED = "0123456789abcdef01234567";
    private static final String POLICE = "CLEVELAND_POLICE";
    private static final String STOCKTON = "STOCKTON_CST";
    private static final String THIRTEEN = "THIRTEEN_GROUP";
    private static final Set<String> LIMITED_ROLES = Set.of("ANALYST", "INTEGRATION");

    private static RunningStack stack;
    private static RestClient http;
    private static DemoPartnership partnership;
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    /** Per organisation, the practitioner who owns its seeded records. */
    private static final Map<String, DemoPartnership.DemoUser> owners = new LinkedHashMap<>();

    /** How the suite reaches the API. */
    enum Route {
        GATEWAY("through the gateway") {
            @Override
            String base(String path) {
                return RunningStack.GATEWAY;
            }
        },
        SERVICES("straight to each service") {
            @Override
            String base(String path) {
                int port;
                if (path.startsWith("/api/v1/cases") || path.startsWith("/api/v1/inbound")) {
                    port = 8081;
                } else if (path.startsWith("/api/v1/parties")) {
                    port = 8082;
                } else if (path.startsWith("/api/v1/tasks")) {
                    port = 8083;
                } else if (path.startsWith("/api/v1/sharing") || path.startsWith("/api/v1/access")) {
                    port = 8084;
                } else if (path.startsWith("/api/v1/notifications")) {
                    port = 8085;
                } else {
                    throw new IllegalArgumentException("no service for " + path);
                }
                return "http://localhost:" + port;
            }
        };

        final String label;

        Route(String label) {
            this.label = label;
        }

        abstract String base(String path);
    }

    record Answer(int status, HttpHeaders headers, String text) {
        JsonNode json() {
            try {
                return text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
            } catch (RuntimeException notJson) {
                return JSON.missingNode();
            }
        }

        String id() {
            return json().path("id").asString();
        }
    }

    /** What one route seeded. */
    static final class Seed {
        final String marker;
        final Map<String, String> cases = new LinkedHashMap<>();
        final Map<String, String> people = new LinkedHashMap<>();
        final Map<String, String> places = new LinkedHashMap<>();
        final Map<String, String> tasks = new LinkedHashMap<>();
        final Map<String, String> keyedTasks = new LinkedHashMap<>();
        final Map<String, String> taskKeys = new LinkedHashMap<>();
        final Map<String, String> taskBodies = new LinkedHashMap<>();
        String restricted;
        String replayed;
        String replayKey;
        String replayBody;

        Seed(String marker) {
            this.marker = marker;
        }

        Set<String> allCases() {
            Set<String> all = new HashSet<>(cases.values());
            all.add(restricted);
            return all;
        }
    }

    /** The tally of one route: one counter of cross-organisation attempts, leaks, and every answer off the rules. */
    static final class Tally {
        final AtomicLong attempts = new AtomicLong();
        final AtomicLong leaks = new AtomicLong();
        final Queue<String> wrong = new ConcurrentLinkedQueue<>();

        void leak(String what) {
            leaks.incrementAndGet();
            wrong.add("LEAK " + what);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        stack = RunningStack.get();
        http = stack.http();
        partnership = DemoPartnership.load();
        for (DemoPartnership.DemoUser user : partnership.users()) {
            tokens.put(user.username(), stack.tokenFor(user.username()));
        }
        for (DemoPartnership.Organisation org : partnership.organisations()) {
            owners.put(org.code(), partnership.users().stream()
                    .filter(u -> u.organisation().equals(org.code()) && u.roles().equals(List.of("PRACTITIONER")))
                    .findFirst().orElseThrow());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Route.class)
    void noOrganisationReadsOrChangesWhatWasNotSharedWithIt(Route route) throws Exception {
        long started = System.nanoTime();
        Seed seed = seed(route);
        Tally tally = new Tally();
        long seeded = System.nanoTime();

        forgedTokens(route, seed, tally);
        ExecutorService pool = Executors.newFixedThreadPool(partnership.users().size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (DemoPartnership.DemoUser user : partnership.users()) {
                running.add(pool.submit(() -> {
                    everythingOf(route, seed, tally, user);
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        long done = System.nanoTime();
        System.out.printf("access-control suite (%s): %d cross-organisation attempts, %d leaks (seeded in %.1f s, "
                + "attempts in %.1f s)%n", route.label, tally.attempts.get(), tally.leaks.get(), (seeded - started) / 1e9,
                (done - seeded) / 1e9);
        tally.wrong.stream().limit(40).forEach(w -> System.out.println("  " + w));
        assertThat(tally.leaks.get()).as("leaks " + route.label + ": " + tally.wrong.stream().filter(w -> w.startsWith("LEAK"))
                .limit(20).toList()).isZero();
        assertThat(tally.wrong).as("answers off the rules " + route.label).isEmpty();
        assertThat(tally.attempts.get()).isGreaterThan(1000);
    }

    // ------------------------------------------------------------------------------------------------ the rules

    private static boolean limited(DemoPartnership.DemoUser u) {
        return LIMITED_ROLES.containsAll(u.roles());
    }

    /** Whether the user may see the organisation's seeded case (and so its person, task and place's concern). */
    private static boolean seesCaseOf(DemoPartnership.DemoUser u, String org) {
        return u.organisation().equals(org) || (org.equals(STOCKTON) && u.organisation().equals(THIRTEEN));
    }

    private static boolean seesRestricted(DemoPartnership.DemoUser u) {
        return u.organisation().equals(POLICE) || u.username().equals("jo.smith");
    }

    private static String next(String org) {
        List<String> codes = new ArrayList<>(owners.keySet());
        return codes.get((codes.indexOf(org) + 1) % codes.size());
    }

    // ------------------------------------------------------------------------------------------------ seeding

    private static Seed seed(Route route) {
        String marker = "acs" + route.name().toLowerCase().charAt(0) + UUID.randomUUID().toString().replaceAll("[^a-f]", "")
                .substring(0, 6);
        Seed seed = new Seed(marker);
        String reviewDate = LocalDate.now().plusDays(30).toString();
        for (var entry : owners.entrySet()) {
            String org = entry.getKey();
            String owner = tokens.get(entry.getValue().username());
            String caseId = created(send(route, HttpMethod.POST, "/api/v1/cases", owner, null, null,
                    "{\"type\":\"ASB_PERSONAL\",\"title\":\"Suite " + marker + " " + org + "\"}"));
            String person = created(send(route, HttpMethod.POST, "/api/v1/parties/people", owner, null, null,
                    "{\"givenName\":\"Suite\",\"familyName\":\"Person " + words(org) + " " + route.name().toLowerCase() + "\"}"));
            Answer place = send(route, HttpMethod.POST, "/api/v1/parties/locations", owner, null, null,
                    "{\"name\":\"Suite place " + words(org) + "\",\"addressLines\":[\"1 Suite Street " + marker + "\"],"
                            + "\"postcode\":\"TS18 1AB\",\"type\":\"DWELLING\"}");
            String placeId = created(place);
            expectStatus(send(route, HttpMethod.POST, "/api/v1/cases/" + caseId + "/links", owner, null, null,
                    "{\"target\":\"PERSON\",\"targetId\":\"" + person + "\",\"role\":\"VICTIM\"}"), 201);
            expectStatus(send(route, HttpMethod.POST, "/api/v1/cases/" + caseId + "/links", owner, null, null,
                    "{\"target\":\"LOCATION\",\"targetId\":\"" + placeId + "\",\"role\":\"INCIDENT_LOCATION\"}"), 201);
            expectStatus(send(route, HttpMethod.PUT, "/api/v1/parties/locations/" + placeId + "/concern", owner,
                    place.headers().getETag(), null, "{\"reasons\":[\"Threats to the tenant at number 4 (" + marker + ")\"],"
                            + "\"reviewDate\":\"" + reviewDate + "\"}"), 200);
            seed.cases.put(org, caseId);
            seed.people.put(org, person);
            seed.places.put(org, placeId);
        }
        String police = tokens.get(owners.get(POLICE).username());
        String jo = tokens.get("jo.smith");
        seed.restricted = created(send(route, HttpMethod.POST, "/api/v1/cases", police, null, null,
                "{\"type\":\"DOMESTIC_ABUSE\",\"title\":\"Suite " + marker + " restricted\"}"));
        // anyone may link any place to a case of their own; it must give them no say over the place
        for (String org : owners.keySet()) {
            String neighbour = next(org);
            expectStatus(send(route, HttpMethod.POST, "/api/v1/cases/" + seed.cases.get(neighbour) + "/links",
                    tokens.get(owners.get(neighbour).username()), null, null, "{\"target\":\"LOCATION\",\"targetId\":\""
                            + seed.places.get(org) + "\",\"role\":\"OTHER\"}"), 201);
        }
        // an idempotent create of Jo's: a replay gives her the same case; another body under her key is a 422
        seed.replayKey = "suite-" + marker;
        seed.replayBody = "{\"type\":\"ASB_PERSONAL\",\"title\":\"Replay probe " + route.name().toLowerCase() + "\"}";
        seed.replayed = created(send(route, HttpMethod.POST, "/api/v1/cases", jo, null, seed.replayKey, seed.replayBody));
        Answer again = send(route, HttpMethod.POST, "/api/v1/cases", jo, null, seed.replayKey, seed.replayBody);
        assertThat(again.id()).isEqualTo(seed.replayed);
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        expectStatus(send(route, HttpMethod.POST, "/api/v1/cases", jo, null, seed.replayKey,
                "{\"type\":\"ASB_PERSONAL\",\"title\":\"Replay probe, another body\"}"), 422);

        // shares: Stockton's case with Thirteen Group to view, the restricted case with Jo by name
        String stockton = seed.cases.get(STOCKTON);
        await().atMost(Duration.ofSeconds(60)).until(() -> send(route, HttpMethod.GET, "/api/v1/sharing/cases/" + stockton
                + "/access", jo, null, null, null).status() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> send(route, HttpMethod.GET, "/api/v1/sharing/cases/"
                + seed.restricted + "/access", police, null, null, null).status() == 200);
        expectStatus(send(route, HttpMethod.POST, "/api/v1/sharing/cases/" + stockton + "/shares", jo, null, null,
                "{\"kind\":\"ORGANISATION\",\"principal\":\"THIRTEEN_GROUP\",\"level\":\"VIEW\",\"reason\":\"Tenancy\"}"), 201);
        expectStatus(send(route, HttpMethod.POST, "/api/v1/sharing/cases/" + seed.restricted + "/shares", police, null, null,
                "{\"kind\":\"ORGANISATION\",\"principal\":\"STOCKTON_CST\",\"level\":\"VIEW\",\"reason\":\"x\"}"), 422);
        expectStatus(send(route, HttpMethod.POST, "/api/v1/sharing/cases/" + seed.restricted + "/shares", police, null, null,
                "{\"kind\":\"USER\",\"principal\":\"jo.smith\",\"level\":\"VIEW\",\"reason\":\"MARAC\"}"), 201);

        // a task on each case (once tasking-service knows the case), and one set with an Idempotency-Key
        for (var entry : owners.entrySet()) {
            String org = entry.getKey();
            String owner = tokens.get(entry.getValue().username());
            String caseId = seed.cases.get(org);
            AtomicReference<Answer> task = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                task.set(send(route, HttpMethod.POST, "/api/v1/tasks", owner, null, null,
                        "{\"caseId\":\"" + caseId + "\",\"title\":\"Suite visit\"}"));
                return task.get().status() == 201;
            });
            seed.tasks.put(org, task.get().id());
            String key = "suite-task-" + marker + "-" + org;
            String body = "{\"caseId\":\"" + caseId + "\",\"title\":\"Suite keyed visit\"}";
            seed.keyedTasks.put(org, created(send(route, HttpMethod.POST, "/api/v1/tasks", owner, null, key, body)));
            seed.taskKeys.put(org, key);
            seed.taskBodies.put(org, body);
        }

        // the decisions reach every service: wait until the shares are enforced everywhere
        String kate = tokens.get("kate.moss");
        await().atMost(Duration.ofSeconds(60)).until(() -> send(route, HttpMethod.GET, "/api/v1/cases/" + seed.restricted,
                jo, null, null, null).status() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> send(route, HttpMethod.GET, "/api/v1/cases/" + stockton,
                kate, null, null, null).status() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> send(route, HttpMethod.GET, "/api/v1/tasks/"
                + seed.tasks.get(STOCKTON), kate, null, null, null).status() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> send(route, HttpMethod.GET, "/api/v1/parties/people/"
                + seed.people.get(STOCKTON), kate, null, null, null).status() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> !send(route, HttpMethod.GET, "/api/v1/parties/locations/"
                + seed.places.get(STOCKTON), kate, null, null, null).json().path("concernReasonsWithheld").asBoolean(true));
        return seed;
    }

    private static String words(String org) {
        StringBuilder name = new StringBuilder();
        for (String word : org.split("_")) {
            name.append(name.isEmpty() ? "" : " ").append(word.charAt(0)).append(word.substring(1).toLowerCase());
        }
        return name.toString();
    }

    // ------------------------------------------------------------------------------------------------ tokens

    /**
     * Tokens the stack's own issuer key signs, each missing one thing a service must insist on: every one is a 401 on
     * every service. A token with everything right is tried first, so the 401s are the rules' and not the forging's.
     */
    private static void forgedTokens(Route route, Seed seed, Tally tally) throws Exception {
        Path keyFile = stack.repository().resolve("local-stack/target/stack-data/issuer/signing-key.json");
        if (!stack.owned() || !Files.exists(keyFile)) {
            System.out.println("access-control suite: no issuer key at " + keyFile + ", forged tokens not tried");
            return;
        }
        RSAKey key = RSAKey.parse(Files.readString(keyFile));
        String issuer = "http://localhost:" + LocalStack.ISSUER_PORT;
        Instant now = Instant.now();
        Function<JWTClaimsSet.Builder, String> sign = claims -> {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Function<String, JWTClaimsSet.Builder> jo = org -> {
            var claims = new JWTClaimsSet.Builder().issuer(issuer).audience("casebridge-api").subject("jo.smith")
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).jwtID(UUID.randomUUID().toString())
                    .claim("name", "Jo Smith").claim("teams", List.of("STOCKTON_ASB")).claim("roles", List.of("PRACTITIONER"));
            return org == null ? claims : claims.claim("org", org);
        };
        List<String> paths = List.of("/api/v1/cases?limit=5", "/api/v1/cases/transfers/incoming",
                "/api/v1/cases/" + seed.cases.get(STOCKTON), "/api/v1/parties/people/" + seed.people.get(STOCKTON),
                "/api/v1/parties/locations/" + seed.places.get(STOCKTON), "/api/v1/tasks/" + seed.tasks.get(STOCKTON),
                "/api/v1/sharing/cases/" + seed.cases.get(STOCKTON) + "/access", "/api/v1/notifications");
        String good = sign.apply(jo.apply(STOCKTON));
        for (String path : paths) {
            expectStatus(send(route, HttpMethod.GET, path, good, null, null, null), 200);
        }
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no organisation", sign.apply(jo.apply(null)));
        forged.put("blank organisation", sign.apply(jo.apply(" ")));
        forged.put("another issuer", sign.apply(jo.apply(STOCKTON).issuer("http://localhost:9999")));
        forged.put("another audience", sign.apply(jo.apply(STOCKTON).audience("someone-else")));
        forged.put("no audience", sign.apply(jo.apply(STOCKTON).audience((String) null)));
        forged.put("out of date", sign.apply(jo.apply(STOCKTON).issueTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(3600)))));
        // the second issuer, Thirteen Group's own identity provider, is believed for Thirteen Group and nobody else
        for (String path : List.of("/api/v1/cases?limit=5", "/api/v1/cases/transfers/incoming", "/api/v1/notifications")) {
            expectStatus(send(route, HttpMethod.GET, path, partnerToken("tom.reid", null), null, null, null), 200);
        }
        forged.put("the partner's issuer claiming Stockton", partnerToken("tom.reid", STOCKTON));
        forged.put("the partner's issuer claiming no organisation", partnerToken("tom.reid", " "));
        for (var token : forged.entrySet()) {
            for (String path : paths) {
                check(tally, true, "token with " + token.getKey() + " on " + path,
                        send(route, HttpMethod.GET, path, token.getValue(), null, null, null), 401);
            }
        }
    }

    /** A token of the local stack's second issuer ({@code /partner/token}), naming {@code organisation} if given. */
    private static String partnerToken(String username, String organisation) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("username", username);
        form.add("password", "demo");
        if (organisation != null) {
            form.add("organisation", organisation);
        }
        return http.post().uri(LocalStack.PARTNER_ISSUER + "/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve().body(JsonNode.class).get("access_token").asString();
    }

    // ------------------------------------------------------------------------------------------------ the attempts

    private static void everythingOf(Route route, Seed seed, Tally tally, DemoPartnership.DemoUser u) {
        String token = tokens.get(u.username());
        boolean limited = limited(u);
        String who = u.username() + " (" + u.organisation() + ")";
        String ownCase = seed.cases.get(u.organisation());
        String ownPerson = seed.people.get(u.organisation());
        int refusedRole = 403;

        for (String org : owners.keySet()) {
            boolean cross = !org.equals(u.organisation());
            if (!cross && !limited) {
                continue; // one's own organisation's work is held by the services' own tests
            }
            boolean sees = !limited && seesCaseOf(u, org);
            caseAttempts(route, tally, u, token, cross, seed.cases.get(org), org + "'s case", sees, ownCase, ownPerson);

            String person = seed.people.get(org);
            String what = who + " on " + org + "'s person";
            check(tally, cross, "read " + what, get(route, "/api/v1/parties/people/" + person, token),
                    limited ? refusedRole : sees ? 200 : 404);
            check(tally, cross, "visible? " + what, get(route, "/api/v1/parties/people/" + person + "/visible", token),
                    limited ? refusedRole : sees ? 204 : 404);
            if (!sees) {
                check(tally, cross, "link to own case: " + what, send(route, HttpMethod.POST, "/api/v1/cases/" + ownCase
                        + "/links", token, null, null, "{\"target\":\"PERSON\",\"targetId\":\"" + person
                        + "\",\"role\":\"VICTIM\"}"), limited ? refusedRole : 404);
                check(tally, cross, "read after linking: " + what, get(route, "/api/v1/parties/people/" + person, token),
                        limited ? refusedRole : 404);
            }
            onlyVisible(route, tally, u, token, cross, "/api/v1/cases?limit=100&person=" + person, seed, "cases by " + what);

            check(tally, cross, "read " + who + " on " + org + "'s task", get(route, "/api/v1/tasks/" + seed.tasks.get(org),
                    token), limited ? refusedRole : sees ? 200 : 404);
            Answer replay = send(route, HttpMethod.POST, "/api/v1/tasks", token, null, seed.taskKeys.get(org),
                    seed.taskBodies.get(org));
            check(tally, cross, "replay of " + org + "'s task key by " + who, replay, limited ? refusedRole : sees ? 403 : 404);
            if (replay.id().equals(seed.keyedTasks.get(org))) {
                tally.leak("replay of " + org + "'s task key handed " + who + " the task");
            }

            placeAttempts(route, tally, u, token, cross, seed, org, limited ? null : sees);

            if (cross) {
                check(tally, true, who + " pushes inbound records in for " + org, send(route, HttpMethod.POST,
                        "/api/v1/inbound/" + org, token, null, null, "{\"externalId\":\"suite\",\"kind\":\"INCIDENT\"}"), 403);
                check(tally, true, who + " opens a case as " + org, send(route, HttpMethod.POST, "/api/v1/cases", token,
                        null, null, "{\"type\":\"ASB_PERSONAL\",\"title\":\"Suite swapped owner\",\"ownerOrganisation\":\""
                                + org + "\"}"), limited ? refusedRole : 400);
                check(tally, true, who + " registers a person as " + org, send(route, HttpMethod.POST,
                        "/api/v1/parties/people", token, null, null, "{\"givenName\":\"Suite\",\"familyName\":\"Swapped\","
                                + "\"organisation\":\"" + org + "\"}"), limited ? refusedRole : 400);
                // the owner names its own organisation for another organisation's user: the directory says otherwise
                String owner = tokens.get(owners.get(org).username());
                check(tally, true, org + " shares with " + who + " as one of its own", send(route, HttpMethod.POST,
                        "/api/v1/sharing/cases/" + seed.cases.get(org) + "/shares", owner, null, null, "{\"kind\":\"USER\","
                                + "\"principal\":\"" + u.username() + "\",\"organisation\":\"" + org
                                + "\",\"level\":\"VIEW\",\"reason\":\"Suite\"}"), 422);
                check(tally, true, org + " sets a task for " + who + " as one of its own", send(route, HttpMethod.POST,
                        "/api/v1/tasks", owner, null, null, "{\"caseId\":\"" + seed.cases.get(org) + "\",\"title\":\"Suite "
                                + "spoofed\",\"assignee\":{\"kind\":\"USER\",\"id\":\"" + u.username() + "\",\"organisation\":\""
                                + org + "\"}}"), 422);
            }
        }

        // the police's restricted case, seen by Jo by name only
        if (!u.organisation().equals(POLICE) || limited) {
            caseAttempts(route, tally, u, token, true, seed.restricted, "the restricted case", !limited && seesRestricted(u),
                    ownCase, ownPerson);
            check(tally, true, "police share the restricted case with " + who + " as one of theirs", send(route,
                    HttpMethod.POST, "/api/v1/sharing/cases/" + seed.restricted + "/shares", tokens.get(owners.get(POLICE)
                            .username()), null, null, "{\"kind\":\"USER\",\"principal\":\"" + u.username()
                            + "\",\"organisation\":\"CLEVELAND_POLICE\",\"level\":\"VIEW\",\"reason\":\"Suite\"}"), 422);
        }
        // an id that names nothing: the same answers as a case one may not see
        caseAttempts(route, tally, u, token, true, GUESSED, "no case", false, ownCase, ownPerson);
        int nothing = limited ? refusedRole : 404;
        check(tally, true, who + " reads no person", get(route, "/api/v1/parties/people/" + GUESSED, token), nothing);
        check(tally, true, who + " asks about no person", get(route, "/api/v1/parties/people/" + GUESSED + "/visible", token),
                nothing);
        check(tally, true, who + " reads no task", get(route, "/api/v1/tasks/" + GUESSED, token), nothing);
        check(tally, true, who + " reads no place", get(route, "/api/v1/parties/locations/" + GUESSED, token), nothing);

        // finding: a search never returns or counts what the user may not see
        Set<String> seen = new HashSet<>();
        if (!limited) {
            seed.cases.forEach((org, id) -> {
                if (seesCaseOf(u, org)) {
                    seen.add(id);
                }
            });
            if (seesRestricted(u)) {
                seen.add(seed.restricted);
            }
        }
        Answer found = get(route, "/api/v1/cases?limit=100&q=" + seed.marker, token);
        if (limited) {
            check(tally, true, who + " searches", found, refusedRole);
        } else {
            tally.attempts.incrementAndGet();
            Set<String> ids = ids(found);
            ids.retainAll(seed.allCases());
            if (found.status() != 200) {
                tally.wrong.add(who + " search: " + found.status());
            } else if (!seen.containsAll(ids)) {
                tally.leak(who + " search found " + ids + ", sees " + seen);
            } else if (!ids.equals(seen) || found.json().path("total").asLong() != seen.size()) {
                tally.leak(who + " search found " + ids + " (total " + found.json().path("total") + "), sees " + seen);
            }
        }
        onlyVisible(route, tally, u, token, true, "/api/v1/cases/transfers/incoming", seed, "incoming transfers of " + who);
        Answer inbox = get(route, "/api/v1/notifications?limit=100", token);
        if (limited) {
            check(tally, true, who + " reads the inbox", inbox, refusedRole);
        } else {
            tally.attempts.incrementAndGet();
            Set<String> mentioned = new HashSet<>();
            inbox.json().path("items").forEach(item -> mentioned.add(item.path("caseId").asString()));
            mentioned.retainAll(seed.allCases());
            if (!seen.containsAll(mentioned)) {
                tally.leak(who + "'s inbox names " + mentioned + ", sees " + seen);
            }
        }

        // asking for access tells nothing: a case unseen and no case at all get the same answer
        String unseen = seed.cases.get(next(u.organisation()));
        String noCase = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Answer aboutCase = send(route, HttpMethod.POST, "/api/v1/sharing/access-requests", token, null, null,
                "{\"caseId\":\"" + unseen + "\",\"reason\":\"Suite: is there such a case?\"}");
        Answer aboutNothing = send(route, HttpMethod.POST, "/api/v1/sharing/access-requests", token, null, null,
                "{\"caseId\":\"" + noCase + "\",\"reason\":\"Suite: is there such a case?\"}");
        check(tally, true, who + " asks for access to a case", aboutCase, limited ? refusedRole : 202);
        check(tally, true, who + " asks for access to no case", aboutNothing, limited ? refusedRole : 202);
        if (!limited && aboutCase.status() == 202 && aboutNothing.status() == 202
                && !shape(aboutCase.json(), unseen).equals(shape(aboutNothing.json(), noCase))) {
            tally.leak(who + ": access request answers differ: " + aboutCase.text() + " / " + aboutNothing.text());
        }

        // another's Idempotency-Key gives nothing of theirs
        if (!u.organisation().equals(STOCKTON) || limited) {
            Answer replayed = send(route, HttpMethod.POST, "/api/v1/cases", token, null, seed.replayKey, seed.replayBody);
            check(tally, true, who + " replays Jo's key", replayed, limited ? refusedRole : 201);
            if (replayed.id().equals(seed.replayed)) {
                tally.leak(who + " got Jo's case by replaying her key");
            } else if (replayed.status() == 201 && !u.organisation().equals(replayed.json().path("ownerOrganisation").asString())) {
                tally.leak(who + " replaying Jo's key got a case of " + replayed.json().path("ownerOrganisation"));
            }
        }
    }

    /** An access request's answer without what differs by itself (its id, the id asked about). */
    private static String shape(JsonNode answer, String caseId) {
        String text = answer.toString();
        String id = answer.path("id").asString();
        if (!id.isEmpty()) {
            text = text.replace(id, "<id>");
        }
        return text.replace(caseId, "<case>").replaceAll("\"requestedAt\":\"[^\"]*\"", "\"requestedAt\":\"<time>\"");
    }

    private static void caseAttempts(Route route, Tally tally, DemoPartnership.DemoUser u, String token, boolean cross,
            String caseId, String name, boolean sees, String ownCase, String ownPerson) {
        boolean limited = limited(u);
        int hidden = limited ? 403 : 404;
        int seenButNotChanged = 403;
        String what = u.username() + " (" + u.organisation() + ") on " + name;
        Answer read = get(route, "/api/v1/cases/" + caseId, token);
        check(tally, cross, "read " + what, read, sees ? 200 : hidden);
        check(tally, cross, "log " + what, get(route, "/api/v1/cases/" + caseId + "/log", token), sees ? 200 : hidden);
        String etag = sees && read.headers().getETag() != null ? read.headers().getETag() : "\"1\"";
        check(tally, cross, "update " + what, send(route, HttpMethod.PATCH, "/api/v1/cases/" + caseId, token, etag, null,
                "{\"summary\":\"Suite change by " + u.username() + "\"}"), sees ? seenButNotChanged : hidden);
        check(tally, cross, "link a person to " + what, send(route, HttpMethod.POST, "/api/v1/cases/" + caseId + "/links",
                token, null, null, "{\"target\":\"PERSON\",\"targetId\":\"" + ownPerson + "\",\"role\":\"WITNESS\"}"),
                sees ? seenButNotChanged : hidden);
        check(tally, cross, "task on " + what, send(route, HttpMethod.POST, "/api/v1/tasks", token, null, null,
                "{\"caseId\":\"" + caseId + "\",\"title\":\"Suite task\"}"), sees ? seenButNotChanged : hidden);
        // a manager would be refused for the partner (in no agreement); anyone else for not managing the case
        check(tally, cross, "share " + what, send(route, HttpMethod.POST, "/api/v1/sharing/cases/" + caseId + "/shares",
                token, null, null, "{\"kind\":\"ORGANISATION\",\"principal\":\"NOT_A_PARTNER\",\"level\":\"VIEW\","
                        + "\"reason\":\"Suite\"}"), sees ? seenButNotChanged : hidden);
        Answer audit = get(route, "/api/v1/sharing/cases/" + caseId + "/audit", token);
        if (cross) {
            tally.attempts.incrementAndGet();
        }
        if (audit.status() < 400) {
            tally.leak("audit trail of " + what + ": " + audit.status());
        } else if (audit.status() != 403 && audit.status() != 404) {
            tally.wrong.add("audit trail of " + what + ": " + audit.status());
        }
        if (!sees) {
            check(tally, cross, "access of " + what, get(route, "/api/v1/sharing/cases/" + caseId + "/access", token), hidden);
            check(tally, cross, "link as a related case: " + what, send(route, HttpMethod.POST, "/api/v1/cases/" + ownCase
                    + "/links", token, null, null, "{\"target\":\"CASE\",\"targetId\":\"" + caseId + "\",\"role\":\"RELATED\"}"),
                    hidden);
        }
    }

    /**
     * A place: everyone sees it, only those who look after it (the registering organisation, or one that may see a
     * case it is linked to) read why it is of concern or change it. {@code seesCase} null: a limited role, refused.
     */
    private static void placeAttempts(Route route, Tally tally, DemoPartnership.DemoUser u, String token, boolean cross,
            Seed seed, String org, Boolean seesCase) {
        String place = seed.places.get(org);
        String what = u.username() + " (" + u.organisation() + ") on " + org + "'s place";
        Answer read = get(route, "/api/v1/parties/locations/" + place, token);
        boolean looksAfter = Boolean.TRUE.equals(seesCase);
        if (seesCase == null) {
            check(tally, cross, "read " + what, read, 403);
        } else {
            check(tally, cross, "read " + what, read, 200);
            if (read.status() == 200) {
                JsonNode concern = read.json().path("concern");
                boolean shown = concern.path("reasons").size() > 0;
                if (shown && !looksAfter) {
                    tally.leak("reasons for concern shown to " + what);
                } else if (!looksAfter && !read.json().path("concernReasonsWithheld").asBoolean()) {
                    tally.leak("reasons for concern not marked withheld for " + what);
                } else if (looksAfter && !shown) {
                    tally.wrong.add("reasons for concern withheld from " + what);
                }
            }
        }
        if (!looksAfter) {
            String etag = read.headers().getETag() == null ? "\"1\"" : read.headers().getETag();
            check(tally, cross, "rewrite " + what, send(route, HttpMethod.PUT, "/api/v1/parties/locations/" + place, token,
                    etag, null, "{\"name\":\"Rewritten by " + u.username() + "\",\"type\":\"DWELLING\"}"), 403);
            check(tally, cross, "change the concern of " + what, send(route, HttpMethod.PUT, "/api/v1/parties/locations/"
                    + place + "/concern", token, etag, null, "{\"reasons\":[\"Changed by " + u.username() + "\"],"
                            + "\"reviewDate\":\"" + LocalDate.now().plusDays(10) + "\"}"), 403);
            check(tally, cross, "clear the concern of " + what, send(route, HttpMethod.DELETE, "/api/v1/parties/locations/"
                    + place + "/concern", token, etag, null, null), 403);
        }
        onlyVisible(route, tally, u, token, cross, "/api/v1/cases?limit=100&location=" + place, seed, "cases at " + what);
        Answer found = get(route, "/api/v1/parties/locations?limit=100&street=" + seed.marker, token);
        if (cross) {
            tally.attempts.incrementAndGet();
        }
        if (seesCase == null) {
            if (found.status() != 403) {
                tally.wrong.add("places found by " + what + ": " + found.status());
            }
        } else {
            found.json().path("items").forEach(item -> {
                if (item.path("id").asString().equals(place) && !looksAfter && item.path("concern").path("reasons").size() > 0) {
                    tally.leak("reasons for concern found by " + what);
                }
            });
        }
    }

    /** A list that must hold none of the seeded cases the user may not see. */
    private static void onlyVisible(Route route, Tally tally, DemoPartnership.DemoUser u, String token, boolean cross,
            String path, Seed seed, String what) {
        Answer answer = get(route, path, token);
        if (cross) {
            tally.attempts.incrementAndGet();
        }
        if (limited(u)) {
            if (answer.status() != 403) {
                tally.wrong.add(what + ": " + answer.status() + " for a limited role");
            }
            return;
        }
        Set<String> ids = ids(answer);
        ids.retainAll(seed.allCases());
        ids.removeIf(id -> id.equals(seed.restricted) ? seesRestricted(u) : seed.cases.entrySet().stream()
                .anyMatch(e -> e.getValue().equals(id) && seesCaseOf(u, e.getKey())));
        if (answer.status() >= 500) {
            tally.wrong.add(what + ": " + answer.status());
        } else if (!ids.isEmpty()) {
            tally.leak(what + " holds unseen cases " + ids);
        }
    }

    private static Set<String> ids(Answer answer) {
        Set<String> ids = new HashSet<>();
        if (answer.status() == 200) {
            answer.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        }
        return ids;
    }

    // ------------------------------------------------------------------------------------------------ judging

    /**
     * One attempt against the rules. A leak: a refusal the rules demand that did not happen, or a record that must
     * look as if it did not exist (404) answered otherwise. Anything else off the rules is recorded as wrong.
     */
    private static void check(Tally tally, boolean cross, String what, Answer answer, int expected) {
        if (cross) {
            tally.attempts.incrementAndGet();
        }
        int actual = answer.status();
        if (actual == expected) {
            return;
        }
        if (expected >= 400 && actual < 400) {
            tally.leak(what + ": " + actual + " instead of " + expected);
        } else if (expected == 404 && actual >= 400 && actual < 500 && actual != 429) {
            tally.leak(what + ": " + actual + " instead of 404 (tells the record exists)");
        } else {
            tally.wrong.add(what + ": " + actual + " instead of " + expected + " " + abbreviate(answer.text()));
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String created(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.id();
    }

    private static void expectStatus(Answer answer, int status) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    private static Answer get(Route route, String path, String token) {
        return send(route, HttpMethod.GET, path, token, null, null, null);
    }

    /**
     * One request by the route; a 429 from the gateway's rate limit (the suite is many times faster than a person) is
     * asked again until it is answered.
     */
    private static Answer send(Route route, HttpMethod method, String path, String token, String ifMatch,
            String idempotencyKey, String body) {
        Answer first = once(route, method, path, token, ifMatch, idempotencyKey, body);
        if (first.status() != 429) {
            return first;
        }
        AtomicReference<Answer> answer = new AtomicReference<>(first);
        await().pollInSameThread().pollDelay(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(30)).until(() -> {
                    answer.set(once(route, method, path, token, ifMatch, idempotencyKey, body));
                    return answer.get().status() != 429;
                });
        return answer.get();
    }

    private static Answer once(Route route, HttpMethod method, String path, String token, String ifMatch,
            String idempotencyKey, String body) {
        var request = http.method(method).uri(route.base(path) + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ResponseEntity<String> response = request.retrieve().toEntity(String.class);
        return new Answer(response.getStatusCode().value(), response.getHeaders(), response.getBody());
    }
}
