package org.casebridge.sharing.feeds.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.CloudEventConventions;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.feed.AccessRevoked;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.sharing.feeds.app.FeedAudiencesOfCases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows every access decision to know whose feed carries each case. An organisation that loses access gets an
 * access-revoked event on its feed, so its systems purge their copy; its id is derived from the decision, so a
 * redelivered decision produces the same event, which partners de-duplicate by id.
 */
@Component
class FeedAudiences {

    private static final String CONSUMER = "sharing-service.feed-audiences";

    private final IdempotentConsumer consumer;
    private final FeedAudiencesOfCases audiences;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final JsonMapper json;
    private final String source;

    FeedAudiences(IdempotentConsumer consumer, FeedAudiencesOfCases audiences,
            KafkaTemplate<String, CloudEvent> cloudEventKafkaTemplate, JsonMapper json,
            @Value("${casebridge.service-name}") String serviceName) {
        this.consumer = consumer;
        this.audiences = audiences;
        this.kafka = cloudEventKafkaTemplate;
        this.json = json;
        this.source = "/" + serviceName;
    }

    @KafkaListener(topics = Topics.ACCESS, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            CaseAccessChanged decision = event.data(CaseAccessChanged.class);
            audiences.decided(decision, organisation -> revoke(decision, organisation, event.id()));
        });
    }

    private void revoke(CaseAccessChanged decision, String organisation, String decisionId) {
        AccessRevoked revoked = new AccessRevoked(decision.caseId(), organisation, decision.decidedAt());
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.nameUUIDFromBytes((decisionId + "|" + organisation).getBytes(StandardCharsets.UTF_8)).toString())
                .withType(EventTypes.PARTNER_ACCESS_REVOKED.type())
                .withSource(URI.create(source))
                .withSubject(decision.caseId())
                .withTime(decision.decidedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventConventions.DATA_CONTENT_TYPE)
                .withDataSchema(URI.create("urn:casebridge:schema:" + EventTypes.PARTNER_ACCESS_REVOKED.type()))
                .withData(json.writeValueAsBytes(revoked))
                .build();
        try {
            kafka.send(Topics.partnerFeed(organisation), decision.caseId(), event).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while telling " + organisation + " of a revoke", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not tell " + organisation + " of a revoke; will be retried", e);
        }
    }
}
