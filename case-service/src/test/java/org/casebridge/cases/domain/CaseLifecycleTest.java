package org.casebridge.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseReopened;
import org.casebridge.contracts.cases.CaseStatusChanged;
import org.casebridge.contracts.cases.CaseUpdated;
import org.casebridge.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class CaseLifecycleTest {

    private final Instant now = Instant.parse("2026-05-03T09:00:00Z");
    private final Actor jo = new Actor("jo.smith", "STOCKTON_CST");
    private final Actor pc = new Actor("pc.adams", "CLEVELAND_POLICE");

    private Case opened(boolean referral) {
        return Case.open("c1", new Case.CaseOpening(CaseType.ASB_PERSONAL, "Noise at Elm Road", null, "STOCKTON_CST",
                "jo.smith", null, null, referral, null), (prefix, year) -> 7, now);
    }

    /** As it comes back from the store: no events pending. */
    private Case stored(Case c) {
        return Case.restore(c.snapshot());
    }

    @Test
    void aReferralIsAcceptedThenReviewedThenClosed() {
        Case c = stored(opened(true));
        assertThat(c.status()).isEqualTo(CaseStatus.REFERRAL);

        c.accept(jo, now);
        c.startReview(jo, now);
        c.endReview(jo, now);
        c.close(jo, CaseOutcome.RESOLVED, "  Perpetrator moved; no reports for 3 months ", now);

        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.version()).isEqualTo(5);
        assertThat(c.closure().summary()).isEqualTo("Perpetrator moved; no reports for 3 months");
        assertThat(c.newEvents()).hasSize(4);
        assertThat(c.newEvents().get(0)).isInstanceOfSatisfying(CaseStatusChanged.class, e -> {
            assertThat(e.from()).isEqualTo("REFERRAL");
            assertThat(e.to()).isEqualTo("OPEN");
        });
        assertThat(c.newEvents().get(3)).isInstanceOfSatisfying(CaseClosed.class, e -> {
            assertThat(e.outcome()).isEqualTo("RESOLVED");
            assertThat(e.previousStatus()).isEqualTo("OPEN");
        });
    }

    @Test
    void transitionsTheLifecycleDoesNotAllowAreConflictsThatSayWhy() {
        Case c = stored(opened(false));
        assertThatThrownBy(() -> c.accept(jo, now)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
            assertThat(e.getMessage()).contains("Only a referral can be accepted").contains("is OPEN");
        });
        assertThatThrownBy(() -> c.endReview(jo, now)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> c.reopen(jo, "why not", now)).hasMessageContaining("only a closed case can be reopened");
        c.close(jo, CaseOutcome.NO_FURTHER_ACTION, "Nothing to do", now);
        assertThatThrownBy(() -> c.close(jo, CaseOutcome.OTHER, "again", now)).hasMessageContaining("already closed");
        assertThatThrownBy(() -> c.startReview(jo, now)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> c.update(jo, new CaseDetails("New title", null, null, null, null), now))
                .hasMessageContaining("reopen it before changing it");
    }

    @Test
    void closingNeedsAnOutcomeAndASummaryAndReopeningAReason() {
        Case c = stored(opened(false));
        assertThatThrownBy(() -> c.close(jo, CaseOutcome.RESOLVED, " ", now))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
        assertThatThrownBy(() -> c.close(jo, null, "done", now)).isInstanceOf(DomainException.class);
        c.close(jo, CaseOutcome.MOVED_AWAY, "Family moved to Durham", now);
        assertThatThrownBy(() -> c.reopen(jo, "", now)).isInstanceOf(DomainException.class);

        c.reopen(jo, "New reports from the neighbours", now);

        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.newEvents().get(1)).isInstanceOfSatisfying(CaseReopened.class,
                e -> assertThat(e.reason()).isEqualTo("New reports from the neighbours"));
        assertThat(c.closure().outcome()).isEqualTo(CaseOutcome.MOVED_AWAY);
    }

    @Test
    void anUpdateRecordsOnlyWhatChanged() {
        Case c = stored(opened(false));
        c.update(jo, new CaseDetails("Noise at Elm Road", null, "raj.patel", null, LocalDate.of(2026, 6, 1)), now);

        assertThat(c.version()).isEqualTo(2);
        assertThat(c.newEvents()).singleElement().isInstanceOfSatisfying(CaseUpdated.class, e -> {
            assertThat(e.changes()).containsOnlyKeys("leadOfficer", "nextReviewDate");
            assertThat(e.changes().get("leadOfficer")).containsEntry("before", "jo.smith").containsEntry("after", "raj.patel");
        });

        Case unchanged = stored(c);
        unchanged.update(jo, new CaseDetails("Noise at Elm Road", null, null, null, null), now);
        assertThat(unchanged.version()).isEqualTo(2);
        assertThat(unchanged.newEvents()).isEmpty();
    }

    @Test
    void theLogIsAppendOnlyAndCorrectionsPointAtTheirEntry() {
        Case c = stored(opened(false));
        c.addLogEntry(jo, "e1", LogEntry.Kind.VISIT, "Visited 12 Elm Road, spoke to the victim", LogEntry.Visibility.PARTNERSHIP,
                null, now);
        c.addLogEntry(jo, "e2", LogEntry.Kind.NOTE, "Correction: it was 14 Elm Road", LogEntry.Visibility.PARTNERSHIP, "e1", now);

        assertThat(c.log()).extracting(LogEntry::id).containsExactly("e1", "e2");
        assertThat(c.log().get(0).text()).isEqualTo("Visited 12 Elm Road, spoke to the victim");
        assertThat(c.newEvents().get(1)).isInstanceOfSatisfying(CaseLogEntryAdded.class,
                e -> assertThat(e.corrects()).isEqualTo("e1"));
        assertThatThrownBy(() -> c.addLogEntry(jo, "e3", LogEntry.Kind.NOTE, "fix", LogEntry.Visibility.PARTNERSHIP, "nope", now))
                .hasMessageContaining("not in the log");
        assertThatThrownBy(() -> c.addLogEntry(jo, "e4", LogEntry.Kind.NOTE, "  ", LogEntry.Visibility.PARTNERSHIP, null, now))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void entriesKeptToOneOrganisationAreHiddenFromPartners() {
        Case c = stored(opened(false));
        c.addLogEntry(jo, "e1", LogEntry.Kind.CONTACT, "Phoned the victim", LogEntry.Visibility.PARTNERSHIP, null, now);
        c.addLogEntry(jo, "e2", LogEntry.Kind.NOTE, "Internal: staff safety concern", LogEntry.Visibility.ORGANISATION, null, now);

        assertThat(c.logVisibleTo("STOCKTON_CST")).extracting(LogEntry::id).containsExactly("e1", "e2");
        assertThat(c.logVisibleTo(pc.organisation())).extracting(LogEntry::id).containsExactly("e1");
    }
}
