package org.casebridge.parties.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casebridge.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    private static void refused(String scheme, String value, String because) {
        assertThatThrownBy(() -> Identifiers.normalise(scheme, value))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID))
                .hasMessageContaining(because);
    }

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5919", "943-476-5919", " 9434765919 "})
    void anNhsNumberMayBeTypedWithSpacesOrDashes(String typed) {
        assertThat(Identifiers.normalise("NHS", typed)).isEqualTo("9434765919");
    }

    @Test
    void anNhsNumberWithAMistypedDigitFailsItsCheckDigit() {
        refused("NHS", "943 476 5918", "check digit");
        refused("NHS", "943 476 5991", "check digit");
    }

    @Test
    void anNhsNumberWhoseCheckWouldBeTenIsNeverValid() {
        // weighted sum 12, remainder 1, check 11 - 1 = 10: no final digit can satisfy it
        for (char last = '0'; last <= '9'; last++) {
            refused("NHS", "000000006" + last, "check digit");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"943476591", "94347659190", "94347659A9"})
    void anNhsNumberIsTenDigits(String typed) {
        refused("NHS", typed, "10 digits");
    }

    @Test
    void aNationalInsuranceNumberLosesItsSpacesAndCase() {
        assertThat(Identifiers.normalise("nino", "ab 12 34 56 c")).isEqualTo("AB123456C");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DA123456A", "AD123456A", "AO123456A", "QQ123456C", "GB123456A", "NK123456A",
            "ZZ123456A", "AB123456E", "AB12345C", "AB1234567C"})
    void aNationalInsuranceNumberFollowsTheHmrcRules(String typed) {
        refused("NINO", typed, "National Insurance number");
    }

    @Test
    void theLetterOIsAllowedFirstButNotSecond() {
        assertThat(Identifiers.normalise("NINO", "OA123456B")).isEqualTo("OA123456B");
    }

    @ParameterizedTest
    @CsvSource({"12/1234567C, 12/1234567C", "2012/1234567c, 2012/1234567C", "99/123P, 99/123P",
            "' 12/1234567 C ', 12/1234567C"})
    void aPncNumberIsKeptAsWrittenInUpperCaseWithoutSpaces(String typed, String stored) {
        // 121234567 mod 23 = 3 -> C; 990000123 mod 23 = 14 -> P
        assertThat(Identifiers.normalise("PNC", typed)).isEqualTo(stored);
    }

    @Test
    void aPncNumberWithTheWrongCheckLetterIsRefused() {
        refused("PNC", "12/1234567A", "check letter");
        refused("PNC", "13/1234567C", "check letter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567C", "123/1234567C", "12/12345678C", "12/1234567", "12-1234567C"})
    void aPncNumberIsAYearASlashDigitsAndALetter(String typed) {
        refused("PNC", typed, "PNC number is a year");
    }

    @Test
    void tenancyAndPartnerReferencesAreShortFreeText() {
        assertThat(Identifiers.normalise("TENANCY", " abc-123/4.5 ")).isEqualTo("ABC-123/4.5");
        assertThat(Identifiers.normalise("PARTNER:STOCKTON_CST", "c-42")).isEqualTo("C-42");
        assertThat(Identifiers.normalise("TENANCY", "A".repeat(50))).hasSize(50);
        refused("TENANCY", "A".repeat(51), "1 to 50");
        refused("TENANCY", "ABC 123", "1 to 50");
        refused("PARTNER", "C_42", "1 to 50");
    }

    @Test
    void anUnknownSchemeOrMissingValueIsRefused() {
        refused("PASSPORT", "123", "Unknown identifier scheme");
        refused("NHS", " ", "missing");
    }
}
