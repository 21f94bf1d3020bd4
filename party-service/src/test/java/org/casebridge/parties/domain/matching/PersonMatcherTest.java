package org.casebridge.parties.domain.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PersonMatcherTest {

    private final PersonMatcher matcher = PersonMatcher.standard();

    private static MatchProfile person(String id, String given, String family, String dateOfBirth, String... postcodes) {
        return new MatchProfile(id, List.of(new PersonName(given, family)), dateOfBirth, Set.of(postcodes), Map.of());
    }

    private static MatchProfile withIds(MatchProfile p, Map<String, String> identifiers) {
        return new MatchProfile(p.id(), p.names(), p.dateOfBirth(), p.postcodes(), identifiers);
    }

    private int score(MatchProfile a, MatchProfile b) {
        return matcher.compare(a, b).map(Match::score).orElse(0);
    }

    @Test
    void bobSmithIsLikelyRobertSmythBornTheSameDayAtTheSamePostcode() {
        Optional<Match> match = matcher.compare(person("new", "Bob", "Smith", "1980-02-14", "TS18 1AB"),
                person("p1", "Robert", "Smyth", "1980-02-14", "ts181ab"));

        assertThat(match).hasValueSatisfying(m -> {
            assertThat(m.personId()).isEqualTo("p1");
            assertThat(m.score()).isGreaterThanOrEqualTo(PersonMatcher.LIKELY).isLessThan(100);
            assertThat(m.reasons()).containsExactlyInAnyOrder("same date of birth", "surname sounds alike (Smith/Smyth)",
                    "Bob is a short form of Robert", "same postcode TS18 1AB");
        });
    }

    @Test
    void namesakesBornTwelveYearsApartAreNotEvenAPossibleMatch() {
        assertThat(matcher.compare(person("new", "John", "Smith", "1980"), person("p1", "John", "Smith", "1992")))
                .isEmpty();
    }

    @Test
    void theSameNhsNumberSettlesItWhateverTheNames() {
        MatchProfile incoming = withIds(person("new", "Jane", "Doe", "1970"), Map.of("NHS", "9434765919"));
        MatchProfile existing = withIds(person("p1", "Mary", "Brown", null), Map.of("NHS", "9434765919"));

        assertThat(matcher.compare(incoming, existing)).hasValueSatisfying(m -> {
            assertThat(m.score()).isEqualTo(100);
            assertThat(m.reasons()).startsWith("same NHS number").contains("different surname (Doe/Brown)");
        });
    }

    @Test
    void differentNhsNumbersPullTheSameNameAndBirthdayBelowLikely() {
        MatchProfile incoming = person("new", "John", "Smith", "1980-02-14");
        MatchProfile existing = person("p1", "John", "Smith", "1980-02-14");
        assertThat(score(incoming, existing)).isGreaterThanOrEqualTo(PersonMatcher.LIKELY);

        Optional<Match> withNumbers = matcher.compare(withIds(incoming, Map.of("NHS", "9434765919")),
                withIds(existing, Map.of("NHS", "9434765870")));

        assertThat(withNumbers).hasValueSatisfying(m -> {
            assertThat(m.score()).isLessThan(PersonMatcher.LIKELY);
            assertThat(m.reasons()).contains("different NHS number");
        });
    }

    @Test
    void aSharedPartnerReferenceIsDecisiveButTwoReferencesFromOnePartnerAreNoEvidence() {
        MatchProfile incoming = person("new", "John", "Smith", "1980-02-14");
        MatchProfile existing = person("p1", "John", "Smith", "1980-02-14");

        assertThat(score(withIds(incoming, Map.of("PARTNER:STOCKTON_CST", "C-1")),
                withIds(person("p1", "Jon", "Smithers", null), Map.of("PARTNER:STOCKTON_CST", "C-1")))).isEqualTo(100);
        assertThat(score(withIds(incoming, Map.of("PARTNER:STOCKTON_CST", "C-1")),
                withIds(existing, Map.of("PARTNER:STOCKTON_CST", "C-2")))).isEqualTo(score(incoming, existing));
    }

    @Test
    void givenAndFamilyNamesTheWrongWayRoundStillMatch() {
        Optional<Match> match = matcher.compare(person("new", "Smith", "John", "1980-02-14"),
                person("p1", "John", "Smith", "1980-02-14"));

        assertThat(match).hasValueSatisfying(m -> {
            assertThat(m.score()).isGreaterThanOrEqualTo(PersonMatcher.LIKELY);
            assertThat(m.reasons()).contains("same surname", "same first name",
                    "first name and surname recorded the other way round");
        });
    }

    @Test
    void aYearOfBirthAgreeingWithAFullDateIsWeakerThanTheSameDayButStillAgreement() {
        MatchProfile yearOnly = person("new", "John", "Smith", "1980");
        MatchProfile fullDate = person("p1", "John", "Smith", "1980-02-14");
        MatchProfile unknown = person("p2", "John", "Smith", null);

        int partial = score(yearOnly, fullDate);

        assertThat(partial).isLessThan(score(person("new", "John", "Smith", "1980-02-14"), fullDate))
                .isGreaterThan(score(yearOnly, unknown));
        assertThat(matcher.compare(yearOnly, fullDate).orElseThrow().reasons()).contains("same year of birth (1980)");
    }

    @Test
    void anUnknownDateOfBirthIsNeitherForNorAgainst() {
        MatchProfile unknown = person("new", "John", "Smith", null);

        assertThat(score(unknown, person("p1", "John", "Smith", "1980-02-14")))
                .isEqualTo(score(unknown, person("p2", "John", "Smith", null)));
    }

    @Test
    void dayAndMonthSwappedCountsForMoreThanADifferentDate() {
        MatchProfile incoming = person("new", "Steven", "Smith", "1980-03-04");

        Match swapped = matcher.compare(incoming, person("p1", "Stephen", "Smith", "1980-04-03")).orElseThrow();

        assertThat(swapped.reasons()).contains("day and month of birth swapped (1980-03-04/1980-04-03)",
                "Steven and Stephen are forms of the same name");
        assertThat(swapped.score()).isGreaterThan(score(incoming, person("p2", "Stephen", "Smith", "1980-05-03")));
    }

    @Test
    void twinsWithDifferentFirstNamesAreNotALikelyMatch() {
        Optional<Match> match = matcher.compare(person("new", "Tom", "Brown", "2001-05-06", "TS18 1AB"),
                person("p1", "Harry", "Brown", "2001-05-06", "TS18 1AB"));

        assertThat(match.map(Match::score).orElse(0)).isLessThan(PersonMatcher.LIKELY);
        match.ifPresent(m -> assertThat(m.reasons()).contains("different first name (Tom/Harry)"));
    }

    @Test
    void fatherAndSonOfOneNameSharingATenancyAreNotALikelyMatch() {
        MatchProfile father = withIds(person("new", "John", "Smith", "1960-03-01", "TS18 1AB"),
                Map.of("TENANCY", "T-100"));
        MatchProfile son = withIds(person("p1", "John", "Smith", "1990-05-12", "TS18 1AB"),
                Map.of("TENANCY", "T-100"));

        assertThat(score(father, son)).isLessThan(PersonMatcher.LIKELY);
    }

    @Test
    void everyNameAPersonIsKnownByIsTried() {
        MatchProfile incoming = person("new", "Jane", "Brown", "1985-07-01");
        MatchProfile married = new MatchProfile("p1", List.of(new PersonName("Jane", "Smith"),
                new PersonName(null, "Brown")), "1985-07-01", Set.of(), Map.of());

        Match match = matcher.compare(incoming, married).orElseThrow();

        assertThat(match.reasons()).contains("same surname");
        assertThat(match.score()).isGreaterThan(score(incoming, person("p2", "Jane", "Smith", "1985-07-01")));
    }

    @Test
    void aLongerDifferentSurnameIsNotMistakenForTheSameSound() {
        Match match = matcher.compare(person("new", "Paul", "Williams", "1975-01-01"),
                person("p1", "Paul", "Williamson", "1975-01-01")).orElseThrow();

        assertThat(match.reasons()).noneMatch(reason -> reason.startsWith("surname sounds alike"));
    }

    @Test
    void rankingPutsTheBestFirstLeavesOutTheNewPersonAndTheUnlikelyAndKeepsToTheLimit() {
        MatchProfile incoming = person("new", "Bob", "Smith", "1980-02-14", "TS18 1AB");
        List<MatchProfile> candidates = List.of(
                person("weak", "Robert", "Smith", "1980"),
                person("new", "Bob", "Smith", "1980-02-14", "TS18 1AB"),
                person("best", "Robert", "Smith", "1980-02-14", "TS18 1AB"),
                person("unrelated", "Ann", "Jones", "1960-01-01"),
                person("good", "Rob", "Smith", "1980-02-14"));

        assertThat(matcher.rank(incoming, candidates, 10)).extracting(Match::personId)
                .containsExactly("best", "good", "weak");
        assertThat(matcher.rank(incoming, candidates, 1)).extracting(Match::personId).containsExactly("best");
    }
}
