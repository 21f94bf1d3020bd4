package org.casebridge.parties.domain.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlockingKeysTest {

    private static MatchProfile person(String given, String family, String dateOfBirth, Set<String> postcodes,
            Map<String, String> ids) {
        return new MatchProfile("p", List.of(new PersonName(given, family)), dateOfBirth, postcodes, ids);
    }

    private static MatchProfile person(String given, String family, String dateOfBirth) {
        return person(given, family, dateOfBirth, Set.of(), Map.of());
    }

    private static Set<String> shared(MatchProfile a, MatchProfile b) {
        Set<String> keys = new HashSet<>(BlockingKeys.of(a));
        keys.retainAll(BlockingKeys.of(b));
        return keys;
    }

    static Stream<Arguments> typicalDuplicates() {
        return Stream.of(
                Arguments.of("misspelt surname", person("John", "Smith", "1980-02-14"),
                        person("John", "Smyth", "1981-02-14")),
                Arguments.of("nickname, no date of birth", person("Bob", "Smith", null),
                        person("Robert", "Smith", null)),
                Arguments.of("names swapped, no date of birth", person("Smith", "John", null),
                        person("John", "Smith", null)),
                Arguments.of("year against a full date", person("Jon", "Smith", "1980"),
                        person("Jonathan", "Smith", "1980-02-14")),
                Arguments.of("surname changed on marriage", person("Sarah", "Jones", "1985-07-01"),
                        person("Sarah", "Okafor", "1985-07-01")),
                Arguments.of("alias with only a surname, same postcode",
                        person(null, "Kowalski", null, Set.of("TS18 1AB"), Map.of()),
                        person("Dana", "Kowalski", null, Set.of("ts181ab"), Map.of())),
                Arguments.of("nothing in common but the NHS number",
                        person("Jane", "Doe", null, Set.of(), Map.of("NHS", "9434765919")),
                        person("Mary", "Brown", "1970-01-01", Set.of(), Map.of("NHS", "9434765919"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typicalDuplicates")
    void typicalDuplicatesShareAKey(String why, MatchProfile a, MatchProfile b) {
        assertThat(shared(a, b)).as(why).isNotEmpty();
    }

    @Test
    void unrelatedPeopleShareNoKey() {
        MatchProfile a = person("John", "Smith", "1980-02-14", Set.of("TS18 1AB"), Map.of("NHS", "9434765919"));
        MatchProfile b = person("Ann", "Kowalski", "1980-03-02", Set.of("TS18 1AB"), Map.of("NHS", "4010232137"));

        assertThat(shared(a, b)).isEmpty();
    }

    @Test
    void keysAreTheDocumentedShapes() {
        Set<String> keys = BlockingKeys.of(person("Bob", "Smith", "1980-02-14", Set.of("ts18 1ab"),
                Map.of("NHS", "9434765919")));

        assertThat(keys).contains("fam:SM0|yob:1980", "fam:SM0|giv:RPRT", "dob:1980-02-14", "pc:TS181AB|fam:SM0",
                "id:NHS:9434765919");
    }

    @Test
    void aPartialDateOfBirthIsNotAKeyOnItsOwn() {
        assertThat(BlockingKeys.of(person("John", "Smith", "1980-02"))).noneMatch(key -> key.startsWith("dob:"));
    }

    @Test
    void aWellKnownPersonStillHasAHandfulOfKeys() {
        MatchProfile busy = new MatchProfile("p", List.of(new PersonName("Alexander James", "Smith"),
                new PersonName("Al", "Smith-Jones"), new PersonName(null, "Jones")), "1980-02-14",
                Set.of("TS18 1AB", "TS19 2CD"), Map.of("NHS", "9434765919", "PNC", "12/1234567C", "TENANCY", "T-1"));

        assertThat(BlockingKeys.of(busy)).hasSizeLessThanOrEqualTo(25);
    }
}
