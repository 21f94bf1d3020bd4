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

    @Test
    void theLeadOfficerHearsThatTheCaseReviewIsDueAndTheNewLeadThatTheCaseIsTheirs() {
        Instant now = Instant.parse("2026-05-03T09:00:00Z");
        Notification due = Notification.caseReviewDue("n2", new org.casebridge.contracts.cases.CaseReviewThresholdMet("c1",
                "ASB-2026-000007", "THIRTEEN_GROUP", "kate.moss", "p1", 3, 3, 6, now), now);
        assertThat(due.recipient()).isEqualTo("kate.moss");
        assertThat(due.kind()).isEqualTo(Notification.Kind.CASE_REVIEW_DUE);
        assertThat(due.title()).contains("ASB-2026-000007").contains("3 times in 6 months");

        Notification moved = Notification.transferredTo("n3", new org.casebridge.contracts.cases.CaseTransferred("c1",
                "ASB-2026-000007", "ASB_PERSONAL", false, "STOCKTON_CST", "THIRTEEN_GROUP", "tom.reid", "tom.reid", now), now);
        assertThat(moved.recipient()).isEqualTo("tom.reid");
        assertThat(moved.title()).isEqualTo("You now lead ASB-2026-000007, transferred from STOCKTON_CST");
    }
}
