package org.casebridge.tasking.tasks.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.party.PersonsMerged;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.tasking.tasks.app.TaskCommands;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What tasking follows from other services: a case closed (its open tasks are flagged to their assignees and
 * creators, not silently cancelled), and two person records merged (tasks about the merged one follow the survivor).
 * What each does is {@link TaskCommands}'.
 */
@Component
class TasksFollowTheirCaseAndPerson {

    private static final String CONSUMER = "tasking-service.events";

    /** one set of handlers per topic: each topic has always been remembered as applied under its own name */
    private final Map<String, EventHandlers> byTopic;

    TasksFollowTheirCaseAndPerson(IdempotentConsumer consumer, TaskCommands commands) {
        this.byTopic = Map.of(
                Topics.CASE, new EventHandlers(consumer, CONSUMER + "." + Topics.CASE)
                        .on(CaseClosed.class, commands::caseClosed),
                Topics.PARTY, new EventHandlers(consumer, CONSUMER + "." + Topics.PARTY)
                        .on(PersonsMerged.class, commands::personsMerged));
    }

    @KafkaListener(topics = {Topics.CASE, Topics.PARTY}, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        byTopic.get(record.topic()).handle(record);
    }
}
