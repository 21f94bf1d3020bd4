package org.casebridge.parties.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CasePartyLinked;
import org.casebridge.contracts.cases.CasePartyUnlinked;
import org.casebridge.parties.app.PersonInvolvement;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * People linked to and unlinked from cases in any agency: the involvement index, and the repeat-presentation rule,
 * checked whenever someone is linked as a victim or complainant ({@link PersonInvolvement}).
 */
@Component
class PeopleOnCases {

    private static final String CONSUMER = "party-service.cases";

    private final EventHandlers handlers;

    PeopleOnCases(IdempotentConsumer consumer, PersonInvolvement involvement) {
        this.handlers = new EventHandlers(consumer, CONSUMER).on(CasePartyLinked.class, involvement::caseLinked)
                .on(CasePartyUnlinked.class, involvement::caseUnlinked);
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        handlers.handle(record);
    }
}
