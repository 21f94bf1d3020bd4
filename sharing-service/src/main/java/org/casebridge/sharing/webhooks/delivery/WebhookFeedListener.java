package org.casebridge.sharing.webhooks.delivery;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.sharing.partnership.domain.Partnership;
import org.casebridge.sharing.webhooks.store.MongoWebhooks;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every record on a partner's feed becomes a call to each of that partner's active webhook subscriptions. */
@Component
class WebhookFeedListener {

    private final MongoWebhooks webhooks;
    private final FeedEvents feedEvents;
    private final Map<String, String> organisationByTopic;
    private final Clock clock;

    WebhookFeedListener(MongoWebhooks webhooks, FeedEvents feedEvents, Partnership partnership, Clock clock) {
        this.webhooks = webhooks;
        this.feedEvents = feedEvents;
        this.organisationByTopic = partnership.organisations().keySet().stream()
                .collect(Collectors.toMap(Topics::partnerFeed, Function.identity()));
        this.clock = clock;
    }

    @KafkaListener(topicPattern = "casebridge\\.partner\\.[a-z0-9_]+\\.v1", groupId = "sharing-service.webhooks")
    void on(ConsumerRecord<String, byte[]> record) {
        String organisation = organisationByTopic.get(record.topic());
        if (organisation == null) {
            return;
        }
        var subscriptions = webhooks.activeFor(organisation);
        if (subscriptions.isEmpty()) {
            return;
        }
        FeedEvents.Feedable feedable = feedEvents.of(record);
        for (MongoWebhooks.Subscription subscription : subscriptions) {
            webhooks.enqueue(subscription.id() + ":" + feedable.event().id(), subscription.id(), feedable.event().id(),
                    feedable.event().type(), feedable.position(), feedable.body(), clock.instant());
        }
    }
}
