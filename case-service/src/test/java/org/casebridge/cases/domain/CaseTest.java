package org.casebridge.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.casebridge.contracts.cases.CaseOpened;
import org.junit.jupiter.api.Test;

class CaseTest {

    private final Map<String, Long> counters = new HashMap<>();
    private final CaseReferences references = (prefix, year) -> counters.merge(prefix + year, 1L, Long::sum);
    private final Instant may2026 = Instant.parse("2026-05-03T09:00:00Z");

    private Case open(CaseType type, String leadOfficer) {
        return Case.open("c" + counters.size(), new Case.CaseOpening(type, "  Noise and threats at Elm Road ", null,
                "STOCKTON_CST", "jo.smith", leadOfficer, "STOCKTON_ASB", false, null), references, may2026);
    }

    @Test
    void anOpenedCaseGetsTheNextReferenceOfItsPrefixAndYear() {
        assertThat(open(CaseType.ASB_PERSONAL, null).reference().value()).isEqualTo("ASB-2026-000001");
        assertThat(open(CaseType.ASB_NUISANCE, null).reference().value()).isEqualTo("ASB-2026-000002");
        assertThat(open(CaseType.HATE_INCIDENT, null).reference().value()).isEqualTo("HATE-2026-000001");
    }

    @Test
    void theOpenerLeadsUnlessTheyNameAColleague() {
        assertThat(open(CaseType.ASB_PERSONAL, null).leadOfficer()).isEqualTo("jo.smith");
        assertThat(open(CaseType.ASB_PERSONAL, "raj.patel").leadOfficer()).isEqualTo("raj.patel");
    }

    @Test
    void openingAnnouncesTheCaseOnce() {
        Case opened = open(CaseType.ASB_PERSONAL, "raj.patel");
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.version()).isEqualTo(1);
        assertThat(opened.title()).isEqualTo("Noise and threats at Elm Road");
        assertThat(opened.newEvents()).singleElement().isInstanceOfSatisfying(CaseOpened.class, event -> {
            assertThat(event.reference()).isEqualTo("ASB-2026-000001");
            assertThat(event.leadOfficer()).isEqualTo("raj.patel");
            assertThat(event.ownerOrganisation()).isEqualTo("STOCKTON_CST");
            assertThat(event.openedAt()).isEqualTo(may2026);
        });
    }

    @Test
    void aRestoredCaseRaisesNoEvents() {
        Case opened = open(CaseType.ASB_PERSONAL, null);
        Case restored = Case.restore(opened.snapshot());
        assertThat(restored.newEvents()).isEmpty();
    }

    @Test
    void restrictedTypesAreMarked() {
        assertThat(CaseType.DOMESTIC_ABUSE.restricted()).isTrue();
        assertThat(CaseType.CHILD_SEXUAL_EXPLOITATION.restricted()).isTrue();
        assertThat(CaseType.ASB_PERSONAL.restricted()).isFalse();
    }

    @Test
    void referenceNumbersHaveSixDigits() {
        assertThatThrownBy(() -> CaseReference.of(CaseType.OTHER, 2026, 1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CaseReference.of(CaseType.OTHER, 2026, 42).value()).isEqualTo("OTH-2026-000042");
    }
}
