package org.casebridge.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The local stack's Kafka users: each service's (made when the stack starts) and each partner organisation's (issued
 * and revoked by an operator). Changes are made as {@code admin}; they count once the broker has applied them (from
 * its metadata log), so each change waits until the broker answers for it.
 * <p>
 * Operators, on a running stack (the data directory is {@code ./data} unless {@code -Dcasebridge.data} says
 * otherwise):
 * <pre>
 * ./mvnw -q -pl local-stack exec:java -Dexec.mainClass=org.casebridge.localstack.KafkaUsers -Dexec.args="issue THIRTEEN_GROUP"
 * ./mvnw -q -pl local-stack exec:java -Dexec.mainClass=org.casebridge.localstack.KafkaUsers -Dexec.args="revoke THIRTEEN_GROUP"
 * </pre>
 * {@code issue} prints the partner's user name and a new password (issuing again replaces it; the stack keeps it
 * with its own secrets, to give it to the broker again at each start); {@code revoke} takes the user and its ACLs
 * away at once.
 */
public final class KafkaUsers {

    private static final ScramCredentialInfo SCRAM = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192);
    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(60);

    private final KafkaSecurity security;
    private final String bootstrap;

    public KafkaUsers(KafkaSecurity security, int port) {
        this.security = security;
        this.bootstrap = "localhost:" + port;
    }

    /**
     * Every service's user, password and ACLs, and every issued partner's, given to the broker again whenever it
     * starts (harmless when it still has them).
     */
    void provision(List<String> inboundOrganisations) throws InterruptedException {
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        KafkaAcls.services().forEach(service -> users.add(new UserScramCredentialUpsertion(service, SCRAM, security.password(service))));
        List<AclBinding> acls = new ArrayList<>(KafkaAcls.ofServices(inboundOrganisations));
        for (String partner : security.users(KafkaAcls.PARTNER_PREFIX)) {
            users.add(new UserScramCredentialUpsertion(partner, SCRAM, security.password(partner)));
            acls.addAll(KafkaAcls.ofPartner(partner.substring(KafkaAcls.PARTNER_PREFIX.length()).toUpperCase(Locale.ROOT)));
        }
        try (Admin admin = asAdmin()) {
            get(admin.alterUserScramCredentials(users).all());
            get(admin.createAcls(acls).all());
        }
        for (UserScramCredentialAlteration user : users) {
            awaitSignIn(user.user(), security.password(user.user()));
        }
        awaitAcls(acls);
    }

    /** A new password for {@code organisation}'s systems, and the ACLs of its own topics. */
    public String issuePartner(String organisation) throws InterruptedException {
        if (!organisation.matches("[A-Z0-9_]+")) {
            // as the topic names take it; a dot would let one partner's group prefix cover another's groups
            throw new IllegalArgumentException("An organisation code is capital letters, digits and _: " + organisation);
        }
        String user = KafkaAcls.partnerUser(organisation);
        String password = KafkaSecurity.newPassword();
        List<AclBinding> acls = KafkaAcls.ofPartner(organisation);
        try (Admin admin = asAdmin()) {
            get(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user, SCRAM, password))).all());
            get(admin.createAcls(acls).all());
        }
        awaitSignIn(user, password);
        awaitAcls(acls);
        security.set(user, password); // kept once the broker has it, to be given again at its next start
        return password;
    }

    /** Takes {@code organisation}'s user away: its ACLs first (so open connections lose their rights too), then its password. */
    public void revokePartner(String organisation) throws InterruptedException {
        String user = KafkaAcls.partnerUser(organisation);
        security.set(user, null); // first: whatever happens next, no later start gives the user back
        try (Admin admin = asAdmin()) {
            get(admin.deleteAcls(List.of(KafkaAcls.of(user))).all());
            try {
                get(admin.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(user, ScramMechanism.SCRAM_SHA_512))).all());
            } catch (IllegalStateException none) {
                if (!(none.getCause() instanceof org.apache.kafka.common.errors.ResourceNotFoundException)) {
                    throw none;
                }
                // never issued, or revoked already: nothing to take away
            }
        }
        awaitRevoked(user);
    }

    public Map<String, Object> client(String user) {
        return security.client(bootstrap, user);
    }

    private Admin asAdmin() {
        Map<String, Object> config = new java.util.HashMap<>(security.client(bootstrap, KafkaSecurity.ADMIN));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(config);
    }

    private Admin toBroker(String user, String password) {
        Map<String, Object> config = new java.util.HashMap<>(KafkaSecurity.client(bootstrap, user, password));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return Admin.create(config);
    }

    /** The broker knows the user once it lets the user sign in. */
    private void awaitSignIn(String user, String password) throws InterruptedException {
        until("the broker to know " + user, () -> {
            try (Admin admin = toBroker(user, password)) {
                admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                return true;
            } catch (ExecutionException | TimeoutException notYet) {
                return false;
            }
        });
    }

    private void awaitRevoked(String user) throws InterruptedException {
        until("the broker to forget " + user, () -> {
            try (Admin admin = asAdmin()) {
                // every user listed (asked by name, an unknown user comes back with no credentials rather than not at all)
                return admin.describeAcls(KafkaAcls.of(user)).values().get(10, TimeUnit.SECONDS).isEmpty()
                        && !admin.describeUserScramCredentials().all().get(10, TimeUnit.SECONDS).containsKey(user);
            } catch (ExecutionException | TimeoutException notYet) {
                return false;
            }
        });
    }

    /** The broker's authorizer applies ACLs from the metadata log: wait until it holds every one of {@code acls}. */
    private void awaitAcls(List<AclBinding> acls) throws InterruptedException {
        until("the broker to apply " + acls.size() + " ACLs", () -> {
            try (Admin admin = asAdmin()) {
                Set<AclBinding> held = new HashSet<>(admin.describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY)
                        .values().get(10, TimeUnit.SECONDS));
                return held.containsAll(acls);
            } catch (ExecutionException | TimeoutException notYet) {
                return false;
            }
        });
    }

    private interface Check {
        boolean done() throws InterruptedException;
    }

    private static void until(String what, Check check) throws InterruptedException {
        Instant deadline = Instant.now().plus(APPLIED_WITHIN);
        while (!check.done()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Gave up waiting for " + what + " after " + APPLIED_WITHIN.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(200); // the broker applies metadata within milliseconds: a short pause between asks
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a change of its users: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer a change of its users within 60 s", e);
        }
    }

    /** {@code issue <ORGANISATION>} or {@code revoke <ORGANISATION>}, on the stack whose data is in {@code ./data}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("issue", "revoke").contains(args[0])) {
            System.err.println("Usage: KafkaUsers issue|revoke <ORGANISATION>   (e.g. issue THIRTEEN_GROUP)");
            System.exit(2);
        }
        Path data = Path.of(System.getProperty("casebridge.data", "data")).toAbsolutePath();
        String organisation = args[1].toUpperCase(Locale.ROOT);
        KafkaUsers users = new KafkaUsers(KafkaSecurity.of(data), LocalStack.KAFKA_PORT);
        if (args[0].equals("issue")) {
            String password = users.issuePartner(organisation);
            System.out.println("Kafka user for " + organisation + "'s systems (SASL_PLAINTEXT, SCRAM-SHA-512, localhost:"
                    + LocalStack.KAFKA_PORT + "):");
            System.out.println("  user:     " + KafkaAcls.partnerUser(organisation));
            System.out.println("  password: " + password + "   (issuing again replaces it)");
            System.out.println("  reads " + "casebridge.partner." + organisation.toLowerCase(Locale.ROOT) + ".v1 and "
                    + KafkaAcls.repliesOf(organisation) + ", writes " + KafkaAcls.inboundOf(organisation)
                    + ", consumer groups " + KafkaAcls.partnerUser(organisation) + ".*");
        } else {
            users.revokePartner(organisation);
            System.out.println("Kafka user " + KafkaAcls.partnerUser(organisation) + " and its ACLs are gone.");
        }
    }
}
