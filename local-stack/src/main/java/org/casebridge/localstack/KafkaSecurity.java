package org.casebridge.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Who may talk to the local stack's broker, and with which password: the broker itself ({@code admin}, its own
 * inter-broker user and the operators', signing in with PLAIN against the broker's own configuration, so it exists
 * before any user is stored), its controller ({@code controller}, on the controller listener only) and each service
 * (its own name, SCRAM-SHA-512, stored by the broker). The passwords are made on first start and kept in {@code data/kafka-secrets.properties}
 * (readable by its owner only, never in git), so a restarted stack and its tests find them again. Partners' users
 * ({@link KafkaUsers}) are kept here too: the broker is given every user again whenever it starts, as Kafka 4.1.2's
 * combined-mode node was seen to come back from a restart without the SCRAM users it had stored.
 */
public final class KafkaSecurity {

    static final String ADMIN = "admin";
    static final String CONTROLLER = "controller";
    static final String MECHANISM = "SCRAM-SHA-512";
    static final String ADMIN_MECHANISM = "PLAIN";

    private final Path file;

    private KafkaSecurity(Path file) {
        this.file = file;
    }

    /** The secrets of the stack whose data is in {@code data} (the file is made when the first password is). */
    public static KafkaSecurity of(Path data) {
        return new KafkaSecurity(data.resolve("kafka-secrets.properties"));
    }

    /**
     * The password of {@code user}, made (and kept) the first time a stack user (admin, the controller, a service) is
     * asked for; a partner's is only ever set by issuing it ({@link #set}).
     */
    String password(String user) {
        synchronized (KafkaSecurity.class) {
            Properties passwords = load();
            String known = passwords.getProperty(user);
            if (known != null) {
                return known;
            }
            if (user.startsWith(KafkaAcls.PARTNER_PREFIX)) {
                throw new IllegalArgumentException(user + " has not been issued (KafkaUsers issue <ORGANISATION>)");
            }
            String made = newPassword();
            passwords.setProperty(user, made);
            store(passwords);
            return made;
        }
    }

    /** Sets {@code user}'s password, or forgets the user when {@code password} is null. */
    void set(String user, String password) {
        synchronized (KafkaSecurity.class) {
            Properties passwords = load();
            if (password == null) {
                passwords.remove(user);
            } else {
                passwords.setProperty(user, password);
            }
            store(passwords);
        }
    }

    /** The users whose names start with {@code prefix}, as the file says now (an operator may have issued one since). */
    java.util.List<String> users(String prefix) {
        synchronized (KafkaSecurity.class) {
            return load().stringPropertyNames().stream().filter(name -> name.startsWith(prefix)).sorted().toList();
        }
    }

    // Read afresh every time: the stack, its tests and an operator's KafkaUsers command each change the same file.
    private Properties load() {
        Properties passwords = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                passwords.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Kafka secrets in " + file, e);
            }
        }
        return passwords;
    }

    // A new owner-only file moved over the old one: a crash mid-write never leaves half the passwords.
    private void store(Properties passwords) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path next = Files.createTempFile(directory, "kafka-secrets", ".tmp");
            ownerOnly(next);
            try (Writer out = Files.newBufferedWriter(next)) {
                passwords.store(out, "Kafka passwords of this local stack (admin and controller: SASL PLAIN; the services and "
                        + "partners: SCRAM-SHA-512)");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the Kafka secrets in " + file, e);
        }
    }

    /** Readable and writable by its owner only, where the file system knows owners. */
    static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without owners' permissions: the data directory's own protection has to do
        }
    }

    /** URL-safe base64: nothing that needs quoting in a JAAS line or a SCRAM argument. */
    static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The controller listener's login, both sides: the node signs in to its own controller as {@code controller}. */
    String controllerLogin() {
        return plainLogin(CONTROLLER, password(CONTROLLER), true);
    }

    /** The client listener's PLAIN login, both sides: only {@code admin}, the broker's own user and the operators'. */
    String adminLogin() {
        return plainLogin(ADMIN, password(ADMIN), true);
    }

    private static String plainLogin(String user, String password, boolean serverToo) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\"" + (serverToo ? " user_" + user + "=\"" + password + "\"" : "") + ";";
    }

    /** What a client signing in as {@code user} to the broker at {@code bootstrap} needs, besides its (de)serialisers. */
    public Map<String, Object> client(String bootstrap, String user) {
        return client(bootstrap, user, password(user));
    }

    static Map<String, Object> client(String bootstrap, String user, String password) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("security.protocol", "SASL_PLAINTEXT");
        boolean admin = ADMIN.equals(user);
        config.put("sasl.mechanism", admin ? ADMIN_MECHANISM : MECHANISM);
        config.put("sasl.jaas.config", admin ? plainLogin(user, password, false) : scramLogin(user, password));
        return config;
    }

    /** The same as Spring Boot properties, for a service's environment. */
    Map<String, String> springEnvironment(String user) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", MECHANISM);
        env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", scramLogin(user, password(user)));
        return env;
    }
}
