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
 */
final class KafkaBroker {

    private KafkaBroker() {
    }

    static ChildProcess start(Path dataDir, Path logs, String classpath, int port, int controllerPort)
            throws IOException, InterruptedException {
        Path logDir = dataDir.resolve("kafka").toAbsolutePath();
        Path config = dataDir.resolve("kafka-server.properties");
        Files.createDirectories(logDir);
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
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
