package org.casebridge.notifications.inbox.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.party.RepeatPresentationFlagged;
import org.casebridge.notifications.inbox.domain.WhoHears;
import org.casebridge.notifications.inbox.store.MongoCaseLeads;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A person flagged for repeat presentation (the lead officers of their cases hear of it), and a suspected duplicate
 * person (the organisations holding the records are asked to review it).
 */
@Component
class PartyEvents {

    private static final String CONSUMER = "notification-service.parties";

    private final IdempotentConsumer consumer;
    private final Deliveries deliveries;
    private final MongoCaseLeads leads;

    PartyEvents(IdempotentConsumer consumer, Deliveries deliveries, MongoCaseLeads leads) {
        this.consumer = consumer;
        this.deliveries = deliveries;
        this.leads = leads;
    }

    @KafkaListener(topics = Topics.PARTY, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            if (EventTypes.REPEAT_PRESENTATION_FLAGGED.type().equals(event.type())) {
                RepeatPresentationFlagged flag = event.data(RepeatPresentationFlagged.class);
                deliveries.deliver(WhoHears.repeatPresentation(flag, leads.findAll(flag.caseIds())), event.type() + "|"
                        + event.id());
            } else if (EventTypes.DUPLICATE_SUSPECTED.type().equals(event.type())) {
                deliveries.deliver(WhoHears.duplicateSuspected(event.data(org.casebridge.contracts.party.DuplicateSuspected.class)),
                        event.type() + "|" + event.subject());
            }
        });
    }
}
