package org.casebridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local stack's broker knows who is reading and writing: no anonymous client is served, each service writes only
 * its own topics (only sharing-service the access decisions and the directory), and a partner organisation's systems,
 * once an operator has issued them a user, read only their own feed and replies and write only their own inbound
 * topic, until the user is revoked.
 */
@ExtendWith(RunningStack.Shared.class)
@Order(Integer.MAX_VALUE - 3) // shares the stack, leaves it as it found it
class KafkaAccessIT {

    private static final String BOOTSTRAP = "localhost:" + LocalStack.KAFKA_PORT;
    private static RunningStack stack;

    @BeforeAll
    static void theSharedStack() throws Exception {
        stack = RunningStack.get();
    }

    @Test
    void aClientThatDoesNotSignInOrSignsInWithAWrongPasswordIsNotServed() {
        Map<String, Object> anonymous = quick(new HashMap<>(Map.of("bootstrap.servers", BOOTSTRAP)));
        try (Admin admin = Admin.create(anonymous)) {
            // the broker drops the connection at its first request: the client never gets an answer
            assertThatThrownBy(() -> admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().timeoutMs(3000))
                    .names().get(20, TimeUnit.SECONDS)).isNotNull();
        }
        Map<String, Object> wrongPassword = stack.kafkaClient("case-service");
        wrongPassword.put("sasl.jaas.config", KafkaSecurity.scramLogin("case-service", "not-its-password"));
        try (Admin admin = Admin.create(quick(wrongPassword))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void onlySharingServiceMayWriteAccessDecisionsAndTheDirectoryAndAServiceReadsNoPartnersFeed() {
        for (String service : List.of("tasking-service", "case-service", "notification-service")) {
            for (String topic : List.of("casebridge.access.v1", "casebridge.directory.v1")) {
                assertThat(writeError(stack.kafkaClient(service), topic, "{\"forged\":true}"))
                        .as("%s writing %s", service, topic).isInstanceOf(TopicAuthorizationException.class);
            }
        }
        assertThat(writeError(stack.kafkaClient("tasking-service"), "casebridge.case.v1", "{}"))
                .as("tasking-service writing case-service's topic").isInstanceOf(TopicAuthorizationException.class);
        assertThat(readError(stack.kafkaClient("tasking-service"), "casebridge.partner.thirteen_group.v1", null))
                .as("tasking-service reading a partner's feed").isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aPartnersSystemsReadTheirOwnFeedAndRepliesAndWriteTheirOwnInboundTopicUntilRevoked() throws Exception {
        KafkaUsers users = stack.kafkaUsers();
        String password = users.issuePartner("THIRTEEN_GROUP");
        try {
            Map<String, Object> thirteen = new HashMap<>(KafkaSecurity.client(BOOTSTRAP, "partner.thirteen_group", password));
            String group = "partner.thirteen_group.it-" + System.nanoTime();

            // its own inbound topic: a referral pushed in is answered on its replies topic
            String externalId = "KAFKA-ACL-" + System.nanoTime();
            assertThat(writeError(thirteen, "casebridge.inbound.thirteen_group.v1", externalId, "{\"externalId\":\"" + externalId
                    + "\",\"kind\":\"REFERRAL\",\"referral\":{\"type\":\"ASB_NUISANCE\",\"title\":\"Noise reported by a tenant\"}}"))
                    .isNull();
            try (KafkaConsumer<String, String> replies = consumer(thirteen, group)) {
                replies.subscribe(List.of("casebridge.inbound.thirteen_group.replies.v1"));
                List<ConsumerRecord<String, String>> answered = new ArrayList<>();
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    replies.poll(Duration.ofMillis(500)).forEach(answered::add);
                    assertThat(answered).anySatisfy(r -> {
                        assertThat(r.key()).isEqualTo(externalId);
                        assertThat(r.value()).contains("\"outcome\":\"ACCEPTED\"");
                    });
                });
            }
            // its own feed, yes; another's, or a service's topic, no
            assertThat(readError(thirteen, "casebridge.partner.thirteen_group.v1", group)).isNull();
            assertThat(readError(thirteen, "casebridge.partner.cleveland_police.v1", group))
                    .isInstanceOf(TopicAuthorizationException.class);
            assertThat(readError(thirteen, "casebridge.case.v1", group)).isInstanceOf(TopicAuthorizationException.class);
            assertThat(readError(thirteen, "casebridge.partner.thirteen_group.v1", "sharing-service.webhooks"))
                    .as("a service's consumer group").isInstanceOf(GroupAuthorizationException.class);
            // pushing records in as another organisation
            assertThat(writeError(thirteen, "casebridge.inbound.cleveland_police.v1", "{}"))
                    .isInstanceOf(TopicAuthorizationException.class);
            assertThat(writeError(thirteen, "casebridge.access.v1", "{}")).isInstanceOf(TopicAuthorizationException.class);

            users.revokePartner("THIRTEEN_GROUP");
            try (Admin admin = Admin.create(quick(thirteen))) {
                assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        } finally {
            users.revokePartner("THIRTEEN_GROUP");
        }
    }

    private static Throwable writeError(Map<String, Object> client, String topic, String value) {
        return writeError(client, topic, "key", value);
    }

    /** What sending one record to {@code topic} failed with, or null when it was written. */
    private static Throwable writeError(Map<String, Object> client, String topic, String key, String value) {
        Map<String, Object> config = quick(new HashMap<>(client));
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    /** What reading {@code topic} (from its start, in {@code group} if given) failed with, or null when it was read. */
    private static Throwable readError(Map<String, Object> client, String topic, String group) {
        try (KafkaConsumer<String, String> consumer = consumer(client, group)) {
            if (group == null) {
                consumer.assign(List.of(new TopicPartition(topic, 0)));
            } else {
                consumer.subscribe(List.of(topic));
            }
            // a refusal comes with the first answers (metadata, then the group's coordinator): a few polls have them
            for (int poll = 0; poll < 3; poll++) {
                consumer.poll(Duration.ofMillis(1000));
            }
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> client, String group) {
        Map<String, Object> config = quick(new HashMap<>(client));
        if (group != null) {
            config.put("group.id", group);
        }
        config.put("auto.offset.reset", "earliest");
        config.put("enable.auto.commit", "false");
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    /** Fail within seconds rather than minutes. */
    private static Map<String, Object> quick(Map<String, Object> config) {
        config.put("request.timeout.ms", 5000);
        config.put("default.api.timeout.ms", 10000);
        config.put("max.block.ms", 10000);
        config.put("delivery.timeout.ms", 15000);
        config.put("reconnect.backoff.max.ms", 1000);
        return config;
    }
}
