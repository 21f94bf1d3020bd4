package org.casebridge.cases.inbound.messaging;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.casebridge.contracts.Topics;
import org.casebridge.platform.kafka.PartnerInbound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Each partner organisation's inbound and replies topics exist before anyone publishes or subscribes. */
@Configuration
class InboundTopics {

    @Bean
    KafkaAdmin.NewTopics inboundAndReplyTopics(PartnerInbound partners,
            @Value("${casebridge.kafka.partitions:3}") int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String organisation : partners.organisations()) {
            topics.add(TopicBuilder.name(Topics.inbound(organisation)).partitions(partitions).build());
            topics.add(TopicBuilder.name(Topics.inboundReplies(organisation)).partitions(partitions).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
