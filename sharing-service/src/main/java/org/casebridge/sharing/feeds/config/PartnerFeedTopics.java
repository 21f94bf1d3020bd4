package org.casebridge.sharing.feeds.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.casebridge.contracts.Topics;
import org.casebridge.sharing.partnership.domain.Partnership;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Every member organisation has its feed topic, {@code casebridge.partner.<org>.v1}, whether or not it reads it yet. */
@Configuration
class PartnerFeedTopics {

    @Bean
    KafkaAdmin.NewTopics partnerFeeds(Partnership partnership, @Value("${casebridge.kafka.partitions:3}") int partitions) {
        return new KafkaAdmin.NewTopics(partnership.organisations().keySet().stream()
                .map(org -> TopicBuilder.name(Topics.partnerFeed(org)).partitions(partitions).build())
                .toArray(NewTopic[]::new));
    }
}
