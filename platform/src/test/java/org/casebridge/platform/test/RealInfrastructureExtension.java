package org.casebridge.platform.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Starts, once per JVM, real MongoDB and Kafka: Testcontainers images where a Docker engine answers, otherwise
 * an in-JVM KRaft broker and the mongo-java-server MongoDB-wire server. Publishes their addresses, and the
 * public keys, issuers and audience of the tokens tests mint (CaseBridge's own test issuer and a partner's, see
 * {@link TestTokens#trustedIssuersProperties()}), as system properties Spring picks up.
 */
public class RealInfrastructureExtension implements BeforeAllCallback {

    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    public static final String MONGO_IMAGE = "mongo:8.0.4";

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructureExtension.class);
    private static volatile Infrastructure infrastructure;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    public static synchronized Infrastructure start() throws IOException {
        if (infrastructure == null) {
            infrastructure = dockerAvailable() ? containers() : embedded();
            createTopics(infrastructure.kafkaBootstrapServers());
            System.setProperty("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
            System.setProperty("spring.mongodb.uri", infrastructure.mongoUri());
            Path publicKey = Files.createTempFile("casebridge-test-key", ".pem");
            Files.writeString(publicKey, TestTokens.publicKeyPem());
            publicKey.toFile().deleteOnExit();
            System.setProperty("casebridge.security.test-public-key-location", publicKey.toUri().toString());
            System.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
            // and a second issuer, a partner's own identity provider speaking for Thirteen Group only
            TestTokens.trustedIssuersProperties().forEach(System::setProperty);
            System.setProperty("casebridge.security.audience", TestTokens.AUDIENCE);
            log.info("Real infrastructure for tests: {}", infrastructure);
        }
        return infrastructure;
    }

    public static Infrastructure infrastructure() {
        return infrastructure;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    private static Infrastructure containers() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        return new Infrastructure("testcontainers", kafka.getBootstrapServers(), mongo.getReplicaSetUrl("casebridge_test"));
    }

    private static Infrastructure embedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.brokerProperty("log.cleaner.dedupe.buffer.size", "8388608");
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend() {
            // mongo-java-server does not make a conditional update atomic, and its in-memory backend hands out its
            // stored documents themselves, encoded on the wire after this returns, while an update changes them field
            // by field: a reader could get a new version with an old log. Real MongoDB does neither. So one command
            // at a time, and replies copied before the next command runs (the local stack's H2 backend stores
            // serialised documents: serialising its writes suffices).
            @Override
            public synchronized Document handleCommand(Channel channel, String database, String command, Document query) {
                return super.handleCommand(channel, database, command, query).cloneDeeply();
            }
        });
        InetSocketAddress address = mongo.bind();
        // no shutdown hook: stopping the broker while Spring contexts are still closing makes every client wait out
        // its timeouts; both live in memory and end with the test JVM
        return new Infrastructure("embedded", kafka.getBrokersAsString(),
                "mongodb://127.0.0.1:" + address.getPort() + "/casebridge_test");
    }

    /**
     * The contracts' topics, laid out as the services declare them (three partitions; access and directory compacted),
     * before any test subscribes: a consumer that subscribed to an auto-created one-partition topic would not see the
     * partitions added later until its metadata is refreshed.
     */
    private static void createTopics(String bootstrapServers) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", bootstrapServers))) {
            java.util.List<org.apache.kafka.clients.admin.NewTopic> topics = new java.util.ArrayList<>();
            for (String topic : java.util.List.of(org.casebridge.contracts.Topics.CASE, org.casebridge.contracts.Topics.PARTY,
                    org.casebridge.contracts.Topics.TASK, org.casebridge.contracts.Topics.AUDIT,
                    org.casebridge.contracts.Topics.NOTIFICATION, org.casebridge.contracts.Topics.SHARING)) {
                topics.add(new org.apache.kafka.clients.admin.NewTopic(topic, 3, (short) 1));
            }
            topics.add(new org.apache.kafka.clients.admin.NewTopic(org.casebridge.contracts.Topics.ACCESS, 3, (short) 1)
                    .configs(java.util.Map.of("cleanup.policy", "compact")));
            topics.add(new org.apache.kafka.clients.admin.NewTopic(org.casebridge.contracts.Topics.DIRECTORY, 1, (short) 1)
                    .configs(java.util.Map.of("cleanup.policy", "compact")));
            // the demo organisations' inbound and replies topics, as case-service declares them, so the services'
            // pattern subscriptions find them at once
            for (String organisation : java.util.List.of("STOCKTON_CST", "CLEVELAND_POLICE", "THIRTEEN_GROUP")) {
                topics.add(new org.apache.kafka.clients.admin.NewTopic(
                        org.casebridge.contracts.Topics.inbound(organisation), 3, (short) 1));
                topics.add(new org.apache.kafka.clients.admin.NewTopic(
                        org.casebridge.contracts.Topics.inboundReplies(organisation), 3, (short) 1));
            }
            admin.createTopics(topics).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the CaseBridge topics on the test broker", e);
        }
    }

    /** Where the shared broker and MongoDB-wire server answer. */
    public record Infrastructure(String kind, String kafkaBootstrapServers, String mongoUri) {
    }
}
