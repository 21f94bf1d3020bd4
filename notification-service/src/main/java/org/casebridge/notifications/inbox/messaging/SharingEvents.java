package org.casebridge.notifications.inbox.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.sharing.AccessRequestDecided;
import org.casebridge.contracts.sharing.AccessRequested;
import org.casebridge.notifications.inbox.domain.CaseLead;
import org.casebridge.notifications.inbox.domain.WhoHears;
import org.casebridge.notifications.inbox.store.MongoCaseLeads;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Access requests: the owner's supervisors hear of a new one, the requester of the answer. sharing-service, which
 * decides who may see what, addressed these, so they are delivered as decided.
 */
@Component
class SharingEvents {

    private static final String CONSUMER = "notification-service.sharing";

    private final IdempotentConsumer consumer;
    private final Deliveries deliveries;
    private final MongoCaseLeads leads;

    SharingEvents(IdempotentConsumer consumer, Deliveries deliveries, MongoCaseLeads leads) {
        this.consumer = consumer;
        this.deliveries = deliveries;
        this.leads = leads;
    }

    @KafkaListener(topics = Topics.SHARING, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            String cause = event.type() + "|" + event.subject() + "|" + event.sequence();
            if (EventTypes.ACCESS_REQUESTED.type().equals(event.type())) {
                AccessRequested requested = event.data(AccessRequested.class);
                deliveries.deliverAsDecided(WhoHears.accessRequested(requested, referenceOf(requested.caseId())), cause);
            } else if (EventTypes.ACCESS_REQUEST_DECIDED.type().equals(event.type())) {
                AccessRequestDecided decided = event.data(AccessRequestDecided.class);
                deliveries.deliverAsDecided(WhoHears.accessRequestDecided(decided, referenceOf(decided.caseId())), cause);
            }
        });
    }

    private String referenceOf(String caseId) {
        return leads.find(caseId).map(CaseLead::reference).orElse(null);
    }
}
