package org.casebridge.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casebridge.localstack.issuer.DemoPartnership;

/**
 * The whole CaseBridge platform on one machine: a real Kafka broker (KRaft), the MongoDB-wire server on H2 files,
 * the development OpenID Connect issuer and the six services, each in its own JVM with a capped heap.
 * Data lives under {@code data/}; logs under {@code data/logs/}. Ctrl-C stops everything cleanly.
 */
public final class LocalStack implements AutoCloseable {

    public static final int GATEWAY_PORT = 8080;
    public static final int ISSUER_PORT = 9000;
    /** The second issuer, a partner's own identity provider (Thirteen Group's), served by the same dev issuer. */
    public static final String PARTNER_ISSUER = "http://localhost:" + ISSUER_PORT + "/partner";
    /** The web console; browsers reach it through the gateway at http://localhost:8080/. */
    public static final int CONSOLE_PORT = 8086;
    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    public static final int MONGO_PORT = 27019;
    public static final int SMTP_PORT = 3025;
    /** Where the demo users read the e-mail CaseBridge sent them. */
    public static final int MAIL_PAGE_PORT = 8025;

    /** Service, port and MongoDB database, in start order (the gateway last). */
    static final List<Service> SERVICES = List.of(
            new Service("case-service", 8081, "casebridge_cases"),
            new Service("party-service", 8082, "casebridge_parties"),
            new Service("tasking-service", 8083, "casebridge_tasking"),
            new Service("sharing-service", 8084, "casebridge_sharing"),
            new Service("notification-service", 8085, "casebridge_notifications"),
            new Service("web-console", CONSOLE_PORT, "casebridge_console"),
            new Service("gateway", GATEWAY_PORT, null));

    record Service(String name, int port, String database) {
    }

    /**
     * The demo partnership's organisations: those the partnership's own issuer speaks for, and those whose systems may
     * push records in (casebridge.inbound.organisations).
     */
    static final List<String> ORGANISATIONS = DemoPartnership.load().organisations().stream()
            .map(DemoPartnership.Organisation::code).sorted().toList();

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** The services' JVM options; {@code -Dcasebridge.service-jvm=-Xmx160m,...} replaces them (to compare in bench/). */
    private static final List<String> SERVICE_JVM = System.getProperty("casebridge.service-jvm") != null
            ? List.of(System.getProperty("casebridge.service-jvm").split(","))
            : List.of("-Xmx160m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=128m",
                    "-XX:ReservedCodeCacheSize=32m");

    private final Path root;
    private final Path data;
    private final Path logs;
    private final String classpath;
    private final List<ChildProcess> running = Collections.synchronizedList(new ArrayList<>());
    private ChildProcess kafka;
    private ChildProcess mongo;
    private final KafkaSecurity kafkaSecurity;
    private final KafkaUsers kafkaUsers;

    public LocalStack(Path root, Path data, String classpath) {
        this.root = root;
        this.data = data;
        this.logs = data.resolve("logs");
        this.classpath = classpath;
        this.kafkaSecurity = KafkaSecurity.of(data);
        this.kafkaUsers = new KafkaUsers(kafkaSecurity, KAFKA_PORT);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("casebridge.root", ".")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("casebridge.data", root.resolve("data").toString())).toAbsolutePath();
        LocalStack stack = new LocalStack(root, data, System.getProperty("java.class.path"));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        Instant started = Instant.now();
        stack.start();
        stack.printWelcome(Duration.between(started, Instant.now()));
        Thread.currentThread().join();
    }

    public void start() throws IOException, InterruptedException {
        Files.createDirectories(logs);
        for (Service service : SERVICES) {
            Path jar = jarOf(service.name());
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
            }
        }
        requirePortsFree();
        log("Starting the MongoDB-wire server (data in " + data.resolve("mongo") + ")");
        mongo = track(startMongoProcess());
        log("Starting Kafka (KRaft, data in " + data.resolve("kafka") + ")");
        kafka = track(KafkaBroker.start(data, logs, classpath, KAFKA_PORT, KAFKA_CONTROLLER_PORT, kafkaSecurity));
        log("Starting the SMTP server (sent mail readable at http://localhost:" + MAIL_PAGE_PORT + "/)");
        ChildProcess mail = track(ChildProcess.startJava("mail", logs, List.of("-Xmx64m", "-XX:+UseSerialGC", "-cp", classpath),
                List.of(MailServer.class.getName(), String.valueOf(SMTP_PORT), String.valueOf(MAIL_PAGE_PORT)), Map.of()));
        log("Starting the development OpenID Connect issuer");
        ChildProcess issuer = track(ChildProcess.startJava("dev-issuer", logs, concat(SERVICE_JVM, List.of("-cp", classpath)),
                List.of("org.casebridge.localstack.issuer.DevIssuerApplication", "--spring.config.name=dev-issuer",
                        "--casebridge.issuer.key-file=" + data.resolve("issuer").resolve("signing-key.json"),
                        "--casebridge.partner-issuer.key-file=" + data.resolve("issuer").resolve("partner-signing-key.json")),
                Map.of()));
        mongo.awaitPort(MONGO_PORT, READY_TIMEOUT);
        kafka.awaitPort(KAFKA_PORT, READY_TIMEOUT);
        log("Giving each service its own Kafka user and ACLs");
        kafkaUsers.provision(ORGANISATIONS);
        mail.awaitPort(SMTP_PORT, READY_TIMEOUT);
        issuer.awaitHttpOk("http://localhost:" + ISSUER_PORT + "/.well-known/openid-configuration", READY_TIMEOUT);

        for (Service service : SERVICES) {
            log("Starting " + service.name() + " on port " + service.port());
            services.put(service, track(ChildProcess.startJava(service.name(), logs, SERVICE_JVM,
                    List.of("-jar", jarOf(service.name()).toString()), environmentOf(service))));
        }
        for (Map.Entry<Service, ChildProcess> entry : services.entrySet()) {
            entry.getValue().awaitHttpOk("http://localhost:" + entry.getKey().port() + "/actuator/health/readiness", READY_TIMEOUT);
            log(entry.getKey().name() + " is ready");
        }
        DemoPartnership.load().users().forEach(user -> seedDirectory(user.username()));
    }

    /**
     * The directory learns a user when they first call sharing-service. The demo users are introduced at start, so
     * that a practitioner can choose a colleague who has not signed in yet as lead officer.
     */
    private static void seedDirectory(String username) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            String token = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + ISSUER_PORT + "/dev/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body()
                    .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            int sharing = SERVICES.stream().filter(s -> s.name().equals("sharing-service")).findFirst().orElseThrow().port();
            http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + sharing + "/api/v1/sharing/directory/colleagues"))
                    .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            log("Could not introduce " + username + " to the directory: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Another stack (or anything else) on our ports would answer our readiness checks in its place: stop first. */
    private static void requirePortsFree() {
        List<Integer> ports = new ArrayList<>(List.of(MONGO_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, ISSUER_PORT,
                SMTP_PORT, MAIL_PAGE_PORT));
        SERVICES.forEach(service -> ports.add(service.port()));
        List<Integer> taken = ports.stream().filter(port -> {
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return false;
            } catch (IOException inUse) {
                return true;
            }
        }).toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Ports already in use: " + taken
                    + " (is another local stack still running?); stop whatever holds them and start again.");
        }
    }

    /** This stack's own key for webhook secrets, made on first start and kept with the data (never in git). */
    private String webhookSecretKey() {
        Path file = data.resolve("webhook-secret.key");
        try {
            if (!java.nio.file.Files.exists(file)) {
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                java.nio.file.Files.createDirectories(data);
                java.nio.file.Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
            }
            return java.nio.file.Files.readString(file).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the webhook secret key in " + file, e);
        }
    }

    private Map<String, String> environmentOf(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(service.port()));
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", "http://localhost:" + ISSUER_PORT + "/oauth2/jwks");
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", "http://localhost:" + ISSUER_PORT);
        // two issuers (casebridge.security.issuers): the partnership's own, for the demo partnership's organisations, and
        // a partner's own identity provider (the dev issuer's /partner) speaking for Thirteen Group only, its claims
        // named its own way
        env.put("CASEBRIDGE_SECURITY_ISSUERS_0_ISSUERURI", "http://localhost:" + ISSUER_PORT);
        env.put("CASEBRIDGE_SECURITY_ISSUERS_0_JWKSETURI", "http://localhost:" + ISSUER_PORT + "/oauth2/jwks");
        env.put("CASEBRIDGE_SECURITY_ISSUERS_0_ORGANISATIONS", String.join(",", ORGANISATIONS));
        env.put("CASEBRIDGE_SECURITY_ISSUERS_1_ISSUERURI", PARTNER_ISSUER);
        env.put("CASEBRIDGE_SECURITY_ISSUERS_1_JWKSETURI", PARTNER_ISSUER + "/jwks");
        env.put("CASEBRIDGE_SECURITY_ISSUERS_1_ORGANISATIONCLAIM", "organisation_code");
        env.put("CASEBRIDGE_SECURITY_ISSUERS_1_ORGANISATIONS", "THIRTEEN_GROUP");
        env.put("CASEBRIDGE_SECURITY_ISSUERS_1_ROLESCLAIM", "groups");
        env.put("CASEBRIDGE_SECURITY_ISSUERS_1_TEAMSCLAIM", "departments");
        env.put("SPRING_MAIL_HOST", "localhost");
        env.put("SPRING_MAIL_PORT", String.valueOf(SMTP_PORT));
        // partners' webhook endpoints on this machine are plain http, on this machine's own addresses
        env.put("CASEBRIDGE_WEBHOOKS_ALLOWHTTP", "true");
        env.put("CASEBRIDGE_WEBHOOKS_ALLOWEDHOSTS", "localhost,127.0.0.1");
        if (service.name().equals("sharing-service")) {
            env.put("CASEBRIDGE_WEBHOOKS_SECRETKEY", webhookSecretKey());
        }
        if (service.database() != null) {
            env.put("SPRING_MONGODB_URI", "mongodb://localhost:" + MONGO_PORT + "/" + service.database());
            if (KafkaAcls.services().contains(service.name())) {
                env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + KAFKA_PORT);
                env.putAll(kafkaSecurity.springEnvironment(service.name()));
                env.put("CASEBRIDGE_INBOUND_ORGANISATIONS", String.join(",", ORGANISATIONS));
            }
        } else {
            for (Service routed : SERVICES) {
                if (routed.database() != null) {
                    String variable = routed.name().endsWith("-service")
                            ? routed.name().replace("-service", "").toUpperCase() + "_SERVICE_URI"
                            : routed.name().replace('-', '_').toUpperCase() + "_URI";
                    env.put(variable, "http://localhost:" + routed.port());
                }
            }
        }
        return env;
    }

    /** Stops one service cleanly (for fault drills): the rest of the platform carries on without it. */
    public void stopService(String name) {
        Service service = serviceNamed(name);
        ChildProcess child = services.remove(service);
        child.stop(Duration.ofSeconds(20));
        running.remove(child);
    }

    /** Starts a stopped service again and waits until it is ready. */
    public void startService(String name) throws IOException, InterruptedException {
        Service service = serviceNamed(name);
        ChildProcess child = track(ChildProcess.startJava(service.name(), logs, SERVICE_JVM,
                List.of("-jar", jarOf(service.name()).toString()), environmentOf(service)));
        services.put(service, child);
        child.awaitHttpOk("http://localhost:" + service.port() + "/actuator/health/readiness", READY_TIMEOUT);
    }

    private static Service serviceNamed(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    private ChildProcess startMongoProcess() throws IOException {
        return ChildProcess.startJava("mongo", logs, List.of("-Xmx384m", "-XX:+UseSerialGC", "-cp", classpath),
                List.of(MongoWireServer.class.getName(), data.resolve("mongo").resolve("casebridge.mv").toString(),
                        String.valueOf(MONGO_PORT)), Map.of());
    }

    /** Stops the MongoDB-wire server cleanly, its data kept (for fault drills): the services lose their database. */
    public void stopMongo() {
        mongo.stop(Duration.ofSeconds(20));
        running.remove(mongo);
    }

    /** Starts the MongoDB-wire server again on the data it left behind. */
    public void startMongo() throws IOException, InterruptedException {
        mongo = trackUnderServices(startMongoProcess());
        mongo.awaitPort(MONGO_PORT, READY_TIMEOUT);
    }

    /** Kills the broker without warning, as a crash would (for fault drills). */
    public void killKafka() throws InterruptedException {
        kafka.kill();
        running.remove(kafka);
    }

    /** Starts the broker again on the data it left behind. */
    public void restartKafka() throws IOException, InterruptedException {
        kafka = trackUnderServices(KafkaBroker.start(data, logs, classpath, KAFKA_PORT, KAFKA_CONTROLLER_PORT, kafkaSecurity));
        kafka.awaitPort(KAFKA_PORT, READY_TIMEOUT);
        kafkaUsers.provision(ORGANISATIONS);
    }

    /** Process ids of every part of the stack, for measuring memory. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        synchronized (running) {
            running.forEach(child -> pids.put(child.name(), child.pid()));
        }
        return pids;
    }

    @Override
    public void close() {
        List<ChildProcess> stopping;
        synchronized (running) {
            stopping = new ArrayList<>(running);
            running.clear();
        }
        Collections.reverse(stopping); // the services first, the MongoDB-wire server last
        stopping.forEach(child -> child.stop(Duration.ofSeconds(20)));
    }

    private final Map<Service, ChildProcess> services = new java.util.concurrent.ConcurrentHashMap<>();

    private ChildProcess track(ChildProcess child) {
        running.add(child);
        return child;
    }

    /** Infrastructure started again goes back under the services, so that on close it still stops after them. */
    private ChildProcess trackUnderServices(ChildProcess child) {
        running.add(0, child);
        return child;
    }

    private Path jarOf(String service) {
        return root.resolve(service).resolve("target").resolve(service + ".jar");
    }

    private void printWelcome(Duration startup) {
        DemoPartnership partnership = DemoPartnership.load();
        StringBuilder text = new StringBuilder("\n");
        text.append("CaseBridge is running (started in ").append(startup.toSeconds()).append(" s)\n\n");
        text.append("  Sign in at http://localhost:").append(GATEWAY_PORT).append("/ as jo.smith / demo (the web console)\n\n");
        text.append("  Gateway:      http://localhost:").append(GATEWAY_PORT).append("\n");
        text.append("  OIDC issuer:  http://localhost:").append(ISSUER_PORT).append("/.well-known/openid-configuration\n");
        text.append("  Sent e-mail:  http://localhost:").append(MAIL_PAGE_PORT).append("/ (SMTP on ").append(SMTP_PORT).append(")\n");
        text.append("  Kafka:        localhost:").append(KAFKA_PORT).append(" (SASL_PLAINTEXT, SCRAM-SHA-512; users in ")
                .append(data.resolve("kafka-secrets.properties")).append(")    MongoDB-wire: localhost:").append(MONGO_PORT).append("\n");
        text.append("  Data:         ").append(data).append("   Logs: ").append(logs).append("\n\n");
        text.append("Demo users of ").append(partnership.name()).append(" (password: demo):\n");
        for (DemoPartnership.DemoUser user : partnership.users()) {
            text.append("  %-14s %-22s %-22s %s%n".formatted(user.username(), user.name(), user.organisation(), user.roles()));
        }
        text.append("\nGet a token and open a case:\n");
        text.append("  TOKEN=$(curl -s -d username=jo.smith -d password=demo http://localhost:9000/dev/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n");
        text.append("  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n");
        text.append("       -d '{\"type\":\"ASB_PERSONAL\",\"title\":\"Noise at 12 Elm Road\",\"leadOfficer\":\"raj.patel\"}' http://localhost:8080/api/v1/cases\n");
        text.append("\nCtrl-C stops everything; data stays under ").append(data).append("\n");
        System.out.println(text);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void log(String message) {
        System.out.println("[local-stack] " + message);
    }

    /**
     * Kills every process of the stack without warning (SIGKILL), as a crash would (for fault drills): no shutdown
     * hook runs, the data stays as the processes left it. Start a new {@code LocalStack} on the same data afterwards.
     */
    public void killAll() throws InterruptedException {
        List<ChildProcess> killing;
        synchronized (running) {
            killing = new ArrayList<>(running);
            running.clear();
        }
        services.clear();
        for (ChildProcess child : killing) {
            child.kill();
        }
    }
}
