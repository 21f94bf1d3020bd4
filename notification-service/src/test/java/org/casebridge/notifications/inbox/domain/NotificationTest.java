package org.casebridge.notifications.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.notification.NotificationCreated;
import org.junit.jupiter.api.Test;

class NotificationTest {

    @Test
    void theLeadOfficerOfANewCaseIsTold() {
        Instant now = Instant.parse("2026-05-03T09:00:00Z");
        CaseOpened opened = new CaseOpened("c1", "ASB-2026-000007", "ASB_PERSONAL", false, "Noise at Elm Road", "OPEN",
                "STOCKTON_CST", "raj.patel", null, "jo.smith", now);

        Notification n = Notification.leadOfNewCase("n1", opened, now);

        assertThat(n.recipient()).isEqualTo("raj.patel");
        assertThat(n.title()).isEqualTo("You are the lead officer for ASB-2026-000007: Noise at Elm Road");
        assertThat(n.readAt()).isNull();
        assertThat(n.newEvents()).singleElement().isInstanceOfSatisfying(NotificationCreated.class,
                e -> assertThat(e.recipient()).isEqualTo("raj.patel"));
    }
}
