package org.casebridge.notifications.inbox.messaging;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.notifications.inbox.domain.CaseLead;
import org.casebridge.notifications.inbox.domain.WhoHears;
import org.casebridge.notifications.inbox.store.MongoCaseLeads;
import org.casebridge.platform.access.AccessList;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.platform.kafka.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A case shared with a partner: whoever was newly given access hears of it, once per share. */
@Component
class WhoHearsOfShares {

    private static final String CONSUMER = "notification-service.shares";

    private final Deliveries deliveries;
    private final MongoCaseLeads leads;
    private final Clock clock;
    private final EventHandlers events;

    WhoHearsOfShares(IdempotentConsumer consumer, Deliveries deliveries, MongoCaseLeads leads, Clock clock) {
        this.clock = clock;
        this.deliveries = deliveries;
        this.leads = leads;
        this.events = new EventHandlers(consumer, CONSUMER).on(CaseAccessChanged.class, this::shared);
    }

    @KafkaListener(topics = Topics.ACCESS, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }

    private void shared(CaseAccessChanged decision, IncomingEvent event) {
        String reference = leads.find(decision.caseId()).map(CaseLead::reference).orElse(null);
        deliveries.deliverAsDecided(WhoHears.shared(decision, leads.toldOfShare(decision.caseId()), reference),
                Causes.of(event));
        Set<String> nowShared = new HashSet<>();
        decision.grants().forEach(g -> nowShared.add(WhoHears.principal(g)));
        leads.sharedWith(decision.caseId(), nowShared);
        // what was held waiting for a decision on the case is decided by this one (the newest word)
        deliveries.release(decision.caseId(), AccessList.from(decision, clock.instant()));
    }
}
