package org.casebridge.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * The one local stack the end-to-end tests of a test JVM share (ConsoleIT, LocalStackIT and any other that drives
 * the gateway): started by the first test class that asks ({@link #get()}), on a fresh data directory, and stopped
 * when the test run ends. Starting the stack is most of what these tests cost, so it is paid once.
 * <p>
 * Use: {@code @ExtendWith(RunningStack.Shared.class)} on the class (so the stack is stopped at the end of the run, before the
 * JVM exits), then {@code RunningStack.get()} in {@code @BeforeAll}; {@link #tokenFor}, {@link #http()},
 * {@link #get(String, String)} and {@link #GATEWAY} to drive it. Tests that stop and start parts of the stack take
 * {@link #own()}; each must leave the stack as it found it.
 * <p>
 * With {@code -Dcasebridge.it.running-stack=true} nothing is started: the tests run against a stack already started
 * with the README's command, and those that need a stack of their own ({@link #own()}) are skipped.
 * <p>
 * A test that kills the whole stack (LocalStackCrashIT) takes {@link #own()}, kills it and calls {@link #startAgain()},
 * which starts a new stack on the same data; the class order (junit-platform.properties) runs it last, after every
 * class that wants the stack as the others left it.
 */
public final class RunningStack {

    public static final String GATEWAY = "http://localhost:" + LocalStack.GATEWAY_PORT;
    private static final String ISSUER = "http://localhost:" + LocalStack.ISSUER_PORT;

    private static RunningStack shared;

    private LocalStack stack;
    private final Path root;
    private final Path data;
    private final RestClient http = RestClient.builder().defaultStatusHandler(status -> true, (request, response) -> { }).build();

    private RunningStack(LocalStack stack, Path root, Path data) {
        this.stack = stack;
        this.root = root;
        this.data = data;
    }

    /**
     * JUnit's side, {@code @ExtendWith(RunningStack.Shared.class)}: the stack, if one was started, is stopped when the
     * whole run ends (JUnit closes its root store), before the JVM exits.
     */
    public static final class Shared implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.create(RunningStack.class))
                    .computeIfAbsent("release", key -> (AutoCloseable) RunningStack::release);
        }
    }

    /** The shared stack, started now if this is the first ask in this JVM. */
    public static synchronized RunningStack get() throws Exception {
        if (shared == null) {
            Path root = root();
            if (Boolean.getBoolean("casebridge.it.running-stack")) {
                shared = new RunningStack(null, root, null); // while working on the console: the stack already running
            } else {
                Path data = freshDirectory("stack-data");
                LocalStack stack = new LocalStack(root, data, System.getProperty("java.class.path"));
                // if the run is cut short (a class without the extension, an interrupted JVM), still leave no process behind
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-shared-stack"));
                stack.start();
                shared = new RunningStack(stack, root, data);
            }
        }
        return shared;
    }

    /** Stops the shared stack, if this JVM started one, freeing its ports. */
    public static synchronized void release() {
        if (shared != null && shared.stack != null) {
            shared.stack.close();
        }
        shared = null;
    }

    /** The repository's root (docs/, the services' target/ folders). */
    public static Path root() {
        return Path.of(System.getProperty("casebridge.root", "..")).toAbsolutePath().normalize();
    }

    /** An empty directory under local-stack/target, for a stack's data. */
    public static Path freshDirectory(String name) throws java.io.IOException {
        Path data = root().resolve("local-stack").resolve("target").resolve(name);
        FileSystemUtils.deleteRecursively(data);
        Files.createDirectories(data);
        return data;
    }

    /** The stack itself, to stop and start its parts; skips the calling test against a stack started elsewhere. */
    public LocalStack own() {
        Assumptions.assumeTrue(stack != null, "needs a stack of its own (not -Dcasebridge.it.running-stack=true)");
        return stack;
    }

    /**
     * After {@code own().killAll()} (the crash drill): a new stack on the same data directory and ports, shared from
     * now on and stopped at the end of the run like the first.
     */
    public synchronized LocalStack startAgain() throws Exception {
        own(); // only a stack this JVM started can be started again
        LocalStack again = new LocalStack(root, data, System.getProperty("java.class.path"));
        Runtime.getRuntime().addShutdownHook(new Thread(again::close, "stop-shared-stack-again"));
        stack = again;
        again.start();
        return again;
    }

    /**
     * Kafka client settings (bootstrap, SASL) of {@code user}: {@code admin} (the operators' super user) or a
     * service's, from the secrets of whichever stack holds the ports.
     */
    public Map<String, Object> kafkaClient(String user) {
        return new java.util.HashMap<>(kafkaSecurity().client("localhost:" + LocalStack.KAFKA_PORT, user));
    }

    /** Issues and revokes partners' Kafka users on whichever stack holds the ports, as an operator would. */
    public KafkaUsers kafkaUsers() {
        return new KafkaUsers(kafkaSecurity(), LocalStack.KAFKA_PORT);
    }

    /** The Kafka secrets of this stack's data, or of the README's {@code ./data} for a stack started elsewhere. */
    private KafkaSecurity kafkaSecurity() {
        return KafkaSecurity.of(data != null ? data : root.resolve("data"));
    }

    /** Whether this JVM started the stack (and may stop and start its parts). */
    public boolean owned() {
        return stack != null;
    }

    public Path repository() {
        return root;
    }

    /** A client that hands back every answer, 4xx and 5xx included, for the test to judge. */
    public RestClient http() {
        return http;
    }

    /** A demo user's access token from the development issuer (password "demo"). */
    public String tokenFor(String username) {
        return tokenFor(http, username);
    }

    /** The same, through a client of the caller's own (with its own timeouts), from whichever stack holds the ports. */
    public static String tokenFor(RestClient http, String username) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", username);
        form.add("password", "demo");
        return http.post().uri(ISSUER + "/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .retrieve().body(JsonNode.class).get("access_token").asString();
    }

    /** GET through the gateway as the token's user. */
    public ResponseEntity<JsonNode> get(String path, String token) {
        return get(http, path, token);
    }

    public static ResponseEntity<JsonNode> get(RestClient http, String path, String token) {
        return http.get().uri(GATEWAY + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve()
                .toEntity(JsonNode.class);
    }
}
