package org.casebridge.parties.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.casebridge.contracts.party.PersonRegistered;
import org.casebridge.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonTest {

    private final Instant may2026 = Instant.parse("2026-05-03T09:00:00Z");

    private Person register(String dateOfBirth) {
        return Person.register("p1", new Person.Registration("  Dana ", " Kowalski", dateOfBirth, "jo.smith", "STOCKTON_CST"),
                may2026);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1980", "1980-02", "1980-02-14", "1980-02-29", "2026", "2026-05-03"})
    void aDateOfBirthMayBeAsPreciseAsItIsKnown(String dateOfBirth) {
        assertThat(register(dateOfBirth).dateOfBirth()).isEqualTo(dateOfBirth);
    }

    @Test
    void theDateOfBirthMayBeUnknown() {
        assertThat(register(null).dateOfBirth()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1980-02-30", "1981-02-29", "1980-13", "1980-00", "1980-04-31"})
    void aDateThatDoesNotExistIsRefused(String dateOfBirth) {
        assertThatThrownBy(() -> register(dateOfBirth)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"14/02/1980", "80", "1980-2-14", "", "0198"})
    void anythingButYearMonthDayIsRefused(String dateOfBirth) {
        assertThatThrownBy(() -> register(dateOfBirth)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027", "2026-06", "2026-05-04"})
    void nobodyIsBornAfterTheyAreRegistered(String dateOfBirth) {
        assertThatThrownBy(() -> register(dateOfBirth)).isInstanceOf(DomainException.class)
                .hasMessageContaining("future");
    }

    @Test
    void aPersonNeedsBothNames() {
        assertThatThrownBy(() -> Person.register("p2", new Person.Registration(" ", "Kowalski", null, "jo.smith",
                "STOCKTON_CST"), may2026)).isInstanceOf(DomainException.class);
    }

    @Test
    void registeringAnnouncesThePersonOnce() {
        Person registered = register("1980-02");
        assertThat(registered.version()).isEqualTo(1);
        assertThat(registered.givenName()).isEqualTo("Dana");
        assertThat(registered.familyName()).isEqualTo("Kowalski");
        assertThat(registered.newEvents()).singleElement().isInstanceOfSatisfying(PersonRegistered.class, event -> {
            assertThat(event.personId()).isEqualTo("p1");
            assertThat(event.dateOfBirth()).isEqualTo("1980-02");
            assertThat(event.organisation()).isEqualTo("STOCKTON_CST");
            assertThat(event.registeredBy()).isEqualTo("jo.smith");
            assertThat(event.registeredAt()).isEqualTo(may2026);
        });
    }

    @Test
    void aRestoredPersonRaisesNoEvents() {
        Person registered = register("1980");
        Person restored = Person.restore(registered.id(), registered.givenName(), registered.familyName(),
                registered.dateOfBirth(), registered.registeredBy(), registered.organisation(), registered.registeredAt(), 1);
        assertThat(restored.newEvents()).isEmpty();
    }
}
