package org.casebridge.sharing.access.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.casebridge.contracts.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** sharing-service owns the compacted topics: the latest record per key is the whole truth. */
@Configuration
class AccessTopics {

    @Bean
    NewTopic accessTopic() {
        return TopicBuilder.name(Topics.ACCESS).partitions(3).replicas(1).compact().build();
    }

    @Bean
    NewTopic directoryTopic() {
        return TopicBuilder.name(Topics.DIRECTORY).partitions(1).replicas(1).compact().build();
    }
}
