package org.casebridge.notifications.inbox.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.EventTypes;
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
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Case events someone needs to hear about; also keeps each case's reference and lead officer. */
@Component
class CaseEvents {

    private static final String CONSUMER = "notification-service.cases";

    private final IdempotentConsumer consumer;
    private final Deliveries deliveries;
    private final MongoCaseLeads leads;

    CaseEvents(IdempotentConsumer consumer, Deliveries deliveries, MongoCaseLeads leads) {
        this.consumer = consumer;
        this.deliveries = deliveries;
        this.leads = leads;
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> {
            String cause = event.type() + "|" + event.subject() + "|" + event.sequence();
            String type = event.type();
            if (EventTypes.CASE_OPENED.type().equals(type)) {
                CaseOpened opened = event.data(CaseOpened.class);
                leads.remember(new CaseLead(opened.caseId(), opened.reference(), opened.ownerOrganisation(),
                        opened.leadOfficer()));
                deliveries.deliver(WhoHears.caseOpened(opened), cause);
            } else if (EventTypes.CASE_REVIEW_THRESHOLD_MET.type().equals(type)) {
                deliveries.deliver(WhoHears.reviewDue(event.data(CaseReviewThresholdMet.class)), cause);
            } else if (EventTypes.CASE_TRANSFERRED.type().equals(type)) {
                CaseTransferred t = event.data(CaseTransferred.class);
                leads.remember(new CaseLead(t.caseId(), t.reference(), t.toOrganisation(), t.leadOfficer()));
                deliveries.deliver(WhoHears.transferred(t), cause);
            } else if (EventTypes.CASE_UPDATED.type().equals(type)) {
                CaseUpdated updated = event.data(CaseUpdated.class);
                Map<String, Object> lead = updated.changes().get("leadOfficer");
                if (lead != null) {
                    String newLead = lead.get("after") == null ? null : lead.get("after").toString();
                    leads.leadIs(updated.caseId(), newLead);
                    leads.find(updated.caseId()).ifPresent(known -> deliveries.deliver(
                            WhoHears.leadChanged(known, newLead, updated.updatedBy()), cause));
                }
            } else if (EventTypes.CASE_LOG_ENTRY_ADDED.type().equals(type)) {
                CaseLogEntryAdded entry = event.data(CaseLogEntryAdded.class);
                deliveries.deliver(WhoHears.logEntry(entry, leads.find(entry.caseId()).orElse(null)), cause);
            } else if (EventTypes.CASE_RISK_ASSESSED.type().equals(type)) {
                CaseRiskAssessed assessed = event.data(CaseRiskAssessed.class);
                deliveries.deliver(WhoHears.riskAssessed(assessed, leads.find(assessed.caseId()).orElse(null)), cause);
            } else if (EventTypes.CASE_CLOSED.type().equals(type)) {
                CaseClosed closed = event.data(CaseClosed.class);
                deliveries.deliver(WhoHears.closed(closed, leads.find(closed.caseId()).orElse(null)), cause);
            }
        });
    }
}
