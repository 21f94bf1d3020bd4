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
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A case shared with a partner: whoever was newly given access hears of it, once per share. */
@Component
class AccessEvents {

    private static final String CONSUMER = "notification-service.shares";

    private final IdempotentConsumer consumer;
    private final Deliveries deliveries;
    private final MongoCaseLeads leads;

    private final Clock clock;

    AccessEvents(IdempotentConsumer consumer, Deliveries deliveries, MongoCaseLeads leads, Clock clock) {
        this.clock = clock;
        this.consumer = consumer;
        this.deliveries = deliveries;
        this.leads = leads;
    }

    @KafkaListener(topics = Topics.ACCESS, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            CaseAccessChanged decision = event.data(CaseAccessChanged.class);
            String reference = leads.find(decision.caseId()).map(CaseLead::reference).orElse(null);
            deliveries.deliverAsDecided(WhoHears.shared(decision, leads.toldOfShare(decision.caseId()), reference),
                    event.type() + "|" + event.subject() + "|" + event.sequence());
            Set<String> nowShared = new HashSet<>();
            decision.grants().forEach(g -> nowShared.add(WhoHears.principal(g)));
            leads.sharedWith(decision.caseId(), nowShared);
            // what was held waiting for a decision on the case is decided by this one (the newest word)
            deliveries.release(decision.caseId(), AccessList.from(decision, clock.instant()));
        });
    }
}
