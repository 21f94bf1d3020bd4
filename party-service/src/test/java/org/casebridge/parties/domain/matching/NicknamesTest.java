package org.casebridge.parties.domain.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NicknamesTest {

    private final Nicknames nicknames = Nicknames.standard();

    @ParameterizedTest
    @CsvSource({"Bob, ROBERT", "bobby, ROBERT", "Bill, WILLIAM", "Liam, WILLIAM", "Jim, JAMES", "Jack, JOHN",
            "Dick, RICHARD", "Ted, EDWARD", "Harry, HENRY", "Steve, STEPHEN", "Mo, MOHAMMED", "Liz, ELIZABETH",
            "Betty, ELIZABETH", "Peggy, MARGARET", "Kate, KATHERINE", "Sue, SUSAN", "Becky, REBECCA",
            "Trish, PATRICIA", "Jackie, JACQUELINE", "Zoë, ZOE"})
    void aShortFormHasItsFullNameAsCanonical(String name, String canonical) {
        assertThat(nicknames.canonical(name)).isEqualTo(canonical);
    }

    @Test
    void variantsRunBothWaysAndIgnoreCaseAndSpacing() {
        assertThat(nicknames.variantsOf(" robert ")).contains("ROBERT", "BOB", "BOBBY", "ROB", "ROBBIE");
        assertThat(nicknames.variantsOf("BOB")).contains("ROBERT", "ROB");
        assertThat(nicknames.canonical(" bOb ")).isEqualTo("ROBERT");
    }

    @Test
    void theStandardListCoversWomensNamesAsWellAsMens() {
        assertThat(nicknames.variantsOf("Elizabeth")).contains("LIZ", "BETH", "BETTY", "LISA", "ELIZA");
        assertThat(nicknames.variantsOf("Margaret")).contains("MAGGIE", "PEGGY", "MEG");
        assertThat(nicknames.variantsOf("William")).contains("BILL", "WILL", "BILLY", "LIAM");
    }

    @Test
    void aNameInSeveralGroupsTakesTheFirstCanonicalAndTheUnionOfVariants() {
        Nicknames groups = new Nicknames(List.of("# comment", "ALAN,AL,ALLAN", "", "albert, Al, Bert",
                "ROBERT,BOB,BERT"));

        assertThat(groups.canonical("al")).isEqualTo("ALAN");
        assertThat(groups.variantsOf("Al")).containsExactlyInAnyOrder("AL", "ALAN", "ALLAN", "ALBERT", "BERT");
        assertThat(groups.variantsOf("Bert")).containsExactlyInAnyOrder("BERT", "ALBERT", "AL", "ROBERT", "BOB");
        assertThat(groups.variantsOf("Allan")).doesNotContain("ALBERT");
    }

    @Test
    void aNameInNoGroupStandsForItselfAndABlankNameForNothing() {
        assertThat(nicknames.canonical("Zebedee")).isEqualTo("ZEBEDEE");
        assertThat(nicknames.variantsOf("Zebedee")).containsExactly("ZEBEDEE");
        assertThat(nicknames.variantsOf(null)).isEmpty();
        assertThat(nicknames.variantsOf("  ")).isEmpty();
    }
}
