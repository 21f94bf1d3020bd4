package org.casebridge.notifications.inbox.messaging;


import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseReviewThresholdMet;
import org.casebridge.contracts.cases.CaseRiskAssessed;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.contracts.cases.CaseUpdated;
import org.casebridge.notifications.inbox.app.CaseNews;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Case events someone needs to hear about; also keeps each case's reference and lead officer. */
@Component
class WhoHearsOfCases {

    private static final String CONSUMER = "notification-service.cases";

    private final EventHandlers events;

    WhoHearsOfCases(IdempotentConsumer consumer, CaseNews news) {
        this.events = new EventHandlers(consumer, CONSUMER)
                .on(CaseOpened.class, (opened, event) -> news.opened(opened, Causes.of(event)))
                .on(CaseReviewThresholdMet.class, (due, event) -> news.reviewDue(due, Causes.of(event)))
                .on(CaseTransferred.class, (transferred, event) -> news.transferred(transferred, Causes.of(event)))
                .on(CaseUpdated.class, (updated, event) -> news.updated(updated, Causes.of(event)))
                .on(CaseLogEntryAdded.class, (entry, event) -> news.logEntry(entry, Causes.of(event)))
                .on(CaseRiskAssessed.class, (assessed, event) -> news.riskAssessed(assessed, Causes.of(event)))
                .on(CaseClosed.class, (closed, event) -> news.closed(closed, Causes.of(event)));
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }
}
