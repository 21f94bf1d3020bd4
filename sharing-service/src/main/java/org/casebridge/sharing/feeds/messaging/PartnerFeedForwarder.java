package org.casebridge.sharing.feeds.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.party.PersonRegistered;
import org.casebridge.contracts.task.TaskSummary;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.platform.kafka.IncomingEvent;
import org.casebridge.sharing.feeds.app.FeedAudiencesOfCases;
import org.casebridge.sharing.partnership.domain.Partnership;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each partner organisation's feed, {@code casebridge.partner.<org>.v1}: the CloudEvents about cases, tasks, people
 * and places it may see, copied byte for byte (headers and all) and nothing else. Case and task events go to the
 * organisations the case is shared with; a standalone task to its creator's and assignee's; a person's registration to
 * the organisation that registered them; places, which are not personal data, to everyone.
 */
@Component
class PartnerFeedForwarder {

    private static final String CONSUMER = "sharing-service.partner-feeds";

    private final IdempotentConsumer consumer;
    private final FeedAudiencesOfCases audiences;
    private final Partnership partnership;
    private final KafkaTemplate<String, byte[]> raw;
    private final JsonMapper json;

    PartnerFeedForwarder(IdempotentConsumer consumer, FeedAudiencesOfCases audiences, Partnership partnership,
            KafkaTemplate<String, byte[]> deadLetterKafkaTemplate, JsonMapper json) {
        this.consumer = consumer;
        this.audiences = audiences;
        this.partnership = partnership;
        this.raw = deadLetterKafkaTemplate;
        this.json = json;
    }

    @KafkaListener(topics = {Topics.CASE, Topics.TASK, Topics.PARTY}, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER + "." + record.topic(), record, event -> forward(record, audienceOf(record.topic(), event)));
    }

    private Set<String> audienceOf(String topic, IncomingEvent event) {
        switch (topic) {
            case Topics.CASE -> {
                return audiences.sharedWith(event.subject());
            }
            case Topics.TASK -> {
                TaskSummary task = json.treeToValue(json.readTree(event.data()).get("task"), TaskSummary.class);
                if (task.caseId() != null) {
                    return audiences.sharedWith(task.caseId());
                }
                return new TreeSet<>(List.of(task.createdByOrganisation(), task.assignee().organisation()));
            }
            default -> {
                if (EventTypes.PERSON_REGISTERED.type().equals(event.type())) {
                    return Set.of(event.data(PersonRegistered.class).organisation());
                }
                if (EventTypes.LOCATION_REGISTERED.type().equals(event.type())
                        || EventTypes.LOCATION_UPDATED.type().equals(event.type())) {
                    return partnership.organisations().keySet();
                }
                return Set.of();
            }
        }
    }

    private void forward(ConsumerRecord<String, byte[]> record, Set<String> organisations) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (String organisation : organisations) {
            ProducerRecord<String, byte[]> copy = new ProducerRecord<>(Topics.partnerFeed(organisation), null, record.key(),
                    record.value(), record.headers());
            sends.add(raw.send(copy));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while forwarding to partner feeds", e);
        } catch (Exception e) {
            throw new IllegalStateException("partner feeds not reached; will be retried", e);
        }
    }
}
