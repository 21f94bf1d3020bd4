package org.casebridge.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one process), from Kafka's own
 * Maven artifacts. Its log directory is formatted once; after that it starts on the data it has.
 * <p>
 * No anonymous client is served: clients sign in with SCRAM-SHA-512 on the client listener, and the broker's
 * StandardAuthorizer lets each user do only what its ACLs allow ({@link KafkaAcls}); {@code admin} (the broker's own
 * inter-broker user, and the operators', signing in with PLAIN against this configuration) is a super user. The controller listener, which also answers admin requests,
 * takes only the node's own {@code controller} user (SASL/PLAIN: SCRAM cannot sign in to a KRaft controller).
 */
final class KafkaBroker {

    private KafkaBroker() {
    }

    static ChildProcess start(Path dataDir, Path logs, String classpath, int port, int controllerPort,
            KafkaSecurity security) throws IOException, InterruptedException {
        Path logDir = dataDir.resolve("kafka").toAbsolutePath();
        Path config = dataDir.resolve("kafka-server.properties");
        Files.createDirectories(logDir);
        if (!Files.exists(config)) {
            Files.createFile(config);
        }
        KafkaSecurity.ownerOnly(config); // it holds the broker's passwords (also a file written before it did)
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=CLIENT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=CLIENT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=CLIENT",
                "listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "listener.name.client.sasl.enabled.mechanisms=" + KafkaSecurity.MECHANISM + "," + KafkaSecurity.ADMIN_MECHANISM,
                "listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;",
                // admin is known to the broker's configuration, not its metadata: there before any user is stored
                "listener.name.client.plain.sasl.jaas.config=" + security.adminLogin(),
                "sasl.mechanism.inter.broker.protocol=" + KafkaSecurity.ADMIN_MECHANISM,
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + security.controllerLogin(),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + KafkaSecurity.ADMIN + ";User:" + KafkaSecurity.CONTROLLER,
                "allow.everyone.if.no.acl.found=false",
                "log.dirs=" + logDir,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=8388608",
                // the controller appends a no-op record to the metadata log this often (default 500 ms) to show it is
                // alive; a single node has nobody to show it to, and an idle broker need not write twice a second
                "metadata.max.idle.interval.ms=5000",
                "") );
        List<String> jvm = List.of("-Xmx160m", "-XX:+UseSerialGC", "-cp", classpath);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            ChildProcess.runJava("kafka-format", logs, jvm, List.of("kafka.tools.StorageTool", "format",
                    "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"), Duration.ofSeconds(60));
        }
        return ChildProcess.startJava("kafka", logs, jvm, List.of("kafka.Kafka", config.toString()), Map.of());
    }
}
