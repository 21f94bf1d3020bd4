package org.casebridge.cases;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for party-service's two questions case-service asks before linking (may the caller see this person,
 * this location?): a plain HTTP server, started once per JVM and given to every case-service test context
 * ({@code casebridge.parties.uri}, through {@code META-INF/spring.factories}). Tests register who may see what;
 * anything unregistered, or not visible to the bearer's organisation, is 404, as party-service answers. It records
 * the bearer each question came with, and can be made to fail like a party-service that is down.
 */
public final class PartyServiceStandIn {

    private static final Pattern PERSON = Pattern.compile("/api/v1/parties/people/([0-9a-f]{24})/visible");
    private static final Pattern LOCATION = Pattern.compile("/api/v1/parties/locations/([0-9a-f]{24})");
    private static final Map<String, Set<String>> people = new ConcurrentHashMap<>();
    private static final Set<String> locations = ConcurrentHashMap.newKeySet();
    private static final List<String> bearers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static volatile boolean down;
    private static HttpServer server;

    private PartyServiceStandIn() {
    }

    /** A new person that the given organisations may see (they hold a record, or a case of theirs links them). */
    public static String person(String... seenBy) {
        String id = new ObjectId().toHexString();
        people.put(id, Set.of(seenBy));
        return id;
    }

    /** A new location (every practitioner may see every location). */
    public static String location() {
        String id = new ObjectId().toHexString();
        locations.add(id);
        return id;
    }

    /** The bearer tokens questions came with, oldest first. */
    public static List<String> bearers() {
        return List.copyOf(bearers);
    }

    /** While down, every question is answered 500. */
    public static void down(boolean isDown) {
        down = isDown;
    }

    static synchronized String uri() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                String bearer = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replaceFirst("^Bearer ", "");
                bearers.add(bearer);
                String path = exchange.getRequestURI().getPath();
                Matcher person = PERSON.matcher(path);
                Matcher location = LOCATION.matcher(path);
                int status;
                if (down) {
                    status = 500;
                } else if (person.matches()) {
                    status = people.getOrDefault(person.group(1), Set.of()).contains(organisationOf(bearer)) ? 204 : 404;
                } else if (location.matches()) {
                    status = locations.contains(location.group(1)) ? 200 : 404;
                } else {
                    status = 404;
                }
                byte[] body = status == 200 ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The stand-in trusts case-service to have checked the token; it only reads whose it is. */
    private static String organisationOf(String bearer) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(bearer.split("\\.")[1]);
            return JsonMapper.builder().build().readTree(payload).path("org").asString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Gives every case-service test context the stand-in's address. */
    public static class Factory implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
            return new Customizer();
        }
    }

    private static final class Customizer implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of("casebridge.parties.uri=" + uri()).applyTo(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
