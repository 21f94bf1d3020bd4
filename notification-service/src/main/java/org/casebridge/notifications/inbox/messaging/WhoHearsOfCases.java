package org.casebridge.notifications.inbox.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseReviewThresholdMet;
import org.casebridge.contracts.cases.CaseRiskAssessed;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.contracts.cases.CaseUpdated;
import org.casebridge.notifications.inbox.domain.CaseLead;
import org.casebridge.notifications.inbox.domain.WhoHears;
import org.casebridge.notifications.inbox.store.MongoCaseLeads;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.casebridge.platform.kafka.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Case events someone needs to hear about; also keeps each case's reference and lead officer. */
@Component
class WhoHearsOfCases {

    private static final String CONSUMER = "notification-service.cases";

    private final Deliveries deliveries;
    private final MongoCaseLeads leads;
    private final EventHandlers events;

    WhoHearsOfCases(IdempotentConsumer consumer, Deliveries deliveries, MongoCaseLeads leads) {
        this.deliveries = deliveries;
        this.leads = leads;
        this.events = new EventHandlers(consumer, CONSUMER)
                .on(CaseOpened.class, this::opened)
                .on(CaseReviewThresholdMet.class, (due, event) -> deliveries.deliver(WhoHears.reviewDue(due), Causes.of(event)))
                .on(CaseTransferred.class, this::transferred)
                .on(CaseUpdated.class, this::updated)
                .on(CaseLogEntryAdded.class, (entry, event) -> deliveries.deliver(
                        WhoHears.logEntry(entry, leads.find(entry.caseId()).orElse(null)), Causes.of(event)))
                .on(CaseRiskAssessed.class, (assessed, event) -> deliveries.deliver(
                        WhoHears.riskAssessed(assessed, leads.find(assessed.caseId()).orElse(null)), Causes.of(event)))
                .on(CaseClosed.class, (closed, event) -> deliveries.deliver(
                        WhoHears.closed(closed, leads.find(closed.caseId()).orElse(null)), Causes.of(event)));
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }

    private void opened(CaseOpened opened, IncomingEvent event) {
        leads.remember(new CaseLead(opened.caseId(), opened.reference(), opened.ownerOrganisation(), opened.leadOfficer()));
        deliveries.deliver(WhoHears.caseOpened(opened), Causes.of(event));
    }

    private void transferred(CaseTransferred t, IncomingEvent event) {
        leads.remember(new CaseLead(t.caseId(), t.reference(), t.toOrganisation(), t.leadOfficer()));
        deliveries.deliver(WhoHears.transferred(t), Causes.of(event));
    }

    private void updated(CaseUpdated updated, IncomingEvent event) {
        Map<String, Object> lead = updated.changes().get("leadOfficer");
        if (lead == null) {
            return;
        }
        String newLead = lead.get("after") == null ? null : lead.get("after").toString();
        leads.leadIs(updated.caseId(), newLead);
        leads.find(updated.caseId()).ifPresent(known -> deliveries.deliver(
                WhoHears.leadChanged(known, newLead, updated.updatedBy()), Causes.of(event)));
    }
}
