package org.casebridge.parties.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.casebridge.contracts.party.PersonRegistered;
import org.casebridge.contracts.party.PersonUpdated;
import org.casebridge.contracts.party.PersonsMerged;
import org.casebridge.contracts.party.PersonsUnmerged;
import org.casebridge.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonTest {

    private final Instant may2026 = Instant.parse("2026-05-03T09:00:00Z");

    private Person register(String dateOfBirth) {
        return Person.register("p1", details("  Dana ", " Kowalski", dateOfBirth), "jo.smith", "STOCKTON_CST", may2026);
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
        assertThatThrownBy(() -> Person.register("p2", details(" ", "Kowalski", null), "jo.smith", "STOCKTON_CST", may2026))
                .isInstanceOf(DomainException.class);
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
        Person restored = Person.restore(registered.id(), registered.details(), registered.registeredBy(),
                registered.organisation(), registered.registeredAt(), registered.organisations(), registered.status(), null,
                List.of(), 1);
        assertThat(restored.newEvents()).isEmpty();
    }

    private static PersonDetails details(String given, String family, String dateOfBirth) {
        return new PersonDetails(given, family, null, null, dateOfBirth, false, null, null, null, null, null, null);
    }

    private static PersonDetails withExtras(String given, String family, List<PersonDetails.Address> addresses,
            List<PersonDetails.Identifier> identifiers, List<PersonDetails.Flag> flags) {
        return new PersonDetails(given, family, null, null, "1975-06-01", false, null, addresses, null, identifiers, flags, null);
    }

    private final PersonDetails.Address highStreet = new PersonDetails.Address(List.of("1 High Street"), "ts18 1ab", null, null);
    private final PersonDetails.Address parkRoad = new PersonDetails.Address(List.of("2 Park Road"), "TS19 7QQ", null, null);

    @Test
    void aMergeKeepsEverythingOfBothAndAnUnmergeTakesBackExactlyWhatItBrought() {
        Person william = Person.register("p1", withExtras("William", "Jones", List.of(highStreet),
                List.of(new PersonDetails.Identifier(IdentifierScheme.NHS, "9434765919")), List.of()), "jo.smith",
                "STOCKTON_CST", may2026);
        Person bill = Person.register("p2", withExtras("Bill", "Jones", List.of(parkRoad, highStreet), List.of(),
                List.of(new PersonDetails.Flag(PersonDetails.FlagKind.VIOLENCE, "Shouts at staff", null, null, null))),
                "tom.reid", "THIRTEEN_GROUP", may2026);

        william.absorb(bill, "jo.smith", "STOCKTON_CST", may2026);

        assertThat(william.details().otherNames()).extracting(PersonDetails.OtherName::givenName).containsExactly("Bill");
        assertThat(william.details().addresses()).extracting(PersonDetails.Address::postcode)
                .containsExactly("TS18 1AB", "TS19 7QQ");
        assertThat(william.details().flags()).singleElement().satisfies(f -> assertThat(f.setBy()).isEqualTo("tom.reid"));
        assertThat(william.organisations()).containsExactlyInAnyOrder("STOCKTON_CST", "THIRTEEN_GROUP");
        assertThat(bill.status()).isEqualTo(Person.Status.MERGED);
        assertThat(bill.mergedInto()).isEqualTo("p1");
        assertThat(william.newEvents()).last().isInstanceOf(PersonsMerged.class);

        // recorded after the merge: stays after the unmerge
        PersonDetails now = william.details();
        william.update(new PersonDetails(now.givenName(), now.familyName(), "Billy", now.otherNames(), now.dateOfBirth(), false,
                now.gender(), now.addresses(), now.contacts(), now.identifiers(), now.flags(), "Call first"), "jo.smith",
                "STOCKTON_CST", may2026);
        william.release(bill, "jo.smith", "STOCKTON_CST", may2026);

        assertThat(william.details().otherNames()).isEmpty();
        assertThat(william.details().addresses()).extracting(PersonDetails.Address::postcode).containsExactly("TS18 1AB");
        assertThat(william.details().flags()).isEmpty();
        assertThat(william.details().approach()).isEqualTo("Call first");
        assertThat(william.organisations()).containsExactly("STOCKTON_CST");
        assertThat(bill.status()).isEqualTo(Person.Status.ACTIVE);
        assertThat(william.newEvents()).last().isInstanceOf(PersonsUnmerged.class);
    }

    @Test
    void differentNumbersInOneSchemeAreTwoPeople() {
        Person a = Person.register("p1", withExtras("Sam", "Lee", List.of(),
                List.of(new PersonDetails.Identifier(IdentifierScheme.NHS, "9434765919")), List.of()), "jo.smith", "STOCKTON_CST", may2026);
        Person b = Person.register("p2", withExtras("Sam", "Lee", List.of(),
                List.of(new PersonDetails.Identifier(IdentifierScheme.NHS, "4010232137")), List.of()), "jo.smith", "STOCKTON_CST", may2026);
        assertThatThrownBy(() -> a.absorb(b, "jo.smith", "STOCKTON_CST", may2026)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThat(b.status()).isEqualTo(Person.Status.ACTIVE);
        assertThat(a.version()).isEqualTo(1);
    }

    @Test
    void aFlagKeepsWhoSetItWhenSomeoneElseUpdatesThePerson() {
        Person kim = Person.register("p1", withExtras("Kim", "Lee", List.of(), List.of(),
                List.of(new PersonDetails.Flag(PersonDetails.FlagKind.WEAPONS, "Knife", "forged.name", null, null))),
                "jo.smith", "STOCKTON_CST", may2026);
        assertThat(kim.details().flags().get(0).setBy()).isEqualTo("jo.smith");
        kim.update(withExtras("Kim", "Lee", List.of(), List.of(), List.of(kim.details().flags().get(0),
                new PersonDetails.Flag(PersonDetails.FlagKind.MENTAL_HEALTH, null, null, null, null))),
                "pc.adams", "CLEVELAND_POLICE", may2026.plusSeconds(60));
        assertThat(kim.details().flags()).extracting(PersonDetails.Flag::setBy).containsExactly("jo.smith", "pc.adams");
        assertThat(kim.newEvents()).last().isInstanceOfSatisfying(PersonUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("flags"));
    }

    @Test
    void aMergedRecordCannotBeChanged() {
        Person a = register("1980");
        Person b = Person.register("p2", details("Dana", "Kowalska", "1980"), "jo.smith", "STOCKTON_CST", may2026);
        a.absorb(b, "jo.smith", "STOCKTON_CST", may2026);
        assertThatThrownBy(() -> b.update(details("Dana", "K", null), "jo.smith", "STOCKTON_CST", may2026))
                .hasMessageContaining("merged into p1");
    }
}
