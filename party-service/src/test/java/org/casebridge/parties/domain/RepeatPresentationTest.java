package org.casebridge.parties.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.casebridge.parties.domain.RepeatPresentation.Flag;
import org.casebridge.parties.domain.RepeatPresentation.Presentation;
import org.casebridge.parties.domain.RepeatPresentation.Threshold;
import org.junit.jupiter.api.Test;

/** The flag depends on the links' own times, never on the order they were heard of. */
class RepeatPresentationTest {

    private final RepeatPresentation rule = new RepeatPresentation(new Threshold(3, 12),
            Map.of("CLEVELAND_POLICE", new Threshold(3, 6)));
    private final Instant t0 = Instant.parse("2026-03-01T10:00:00Z");

    private Presentation link(String caseId, String role, String organisation, long days) {
        return new Presentation(caseId, role, organisation, t0.plusSeconds(days * 86_400));
    }

    /** Feeds the links one at a time, in the given order, as a consumer would, and keeps every flag raised. */
    private List<Flag> consumeInOrder(List<Presentation> arrivals) {
        List<Presentation> known = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        Instant lastTipped = null;
        for (Presentation p : arrivals) {
            known.add(p);
            Optional<Flag> flag = rule.decide(known, lastTipped);
            if (flag.isPresent()) {
                flags.add(flag.get());
                lastTipped = flag.get().tippedAt();
            }
        }
        return flags;
    }

    @Test
    void theLinkThatTippedItByItsOwnTimeNamesTheRuleWhateverOrderTheyArrive() {
        List<Presentation> links = List.of(
                link("c1", "VICTIM", "STOCKTON_CST", 0),
                link("c2", "COMPLAINANT", "STOCKTON_CST", 10),
                link("c3", "WITNESS", "STOCKTON_CST", 20),
                link("c4", "VICTIM", "CLEVELAND_POLICE", 30));
        Random random = new Random(14);
        for (int round = 0; round < 200; round++) {
            List<Presentation> arrivals = new ArrayList<>(links);
            Collections.shuffle(arrivals, random);
            List<Flag> flags = consumeInOrder(arrivals);
            assertThat(flags).as("arrivals %s", arrivals).hasSize(1);
            assertThat(flags.get(0).ruleOf()).isEqualTo("CLEVELAND_POLICE");
            assertThat(flags.get(0).threshold()).isEqualTo(new Threshold(3, 6));
            assertThat(flags.get(0).tippedBy()).isEqualTo("c4");
            assertThat(flags.get(0).caseIds()).containsExactly("c1", "c2", "c4");
        }
    }

    @Test
    void theAdverseOrderOfTheFlakyRunGivesTheSameFlag() {
        // the police link (newest) heard of before the housing complaint (older): before, the older one "tipped" it
        List<Flag> flags = consumeInOrder(List.of(
                link("c1", "VICTIM", "STOCKTON_CST", 0),
                link("c4", "VICTIM", "CLEVELAND_POLICE", 30),
                link("c2", "COMPLAINANT", "THIRTEEN_GROUP", 10)));
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.ruleOf()).isEqualTo("CLEVELAND_POLICE");
            assertThat(f.count()).isEqualTo(3);
        });
    }

    @Test
    void aLateOlderLinkAfterTheFlagNeitherMovesNorRepeatsIt() {
        List<Flag> flags = consumeInOrder(List.of(
                link("c2", "VICTIM", "STOCKTON_CST", 10),
                link("c3", "VICTIM", "STOCKTON_CST", 20),
                link("c4", "VICTIM", "STOCKTON_CST", 30),
                link("c1", "VICTIM", "CLEVELAND_POLICE", 0)));
        assertThat(flags).singleElement().satisfies(f -> assertThat(f.tippedBy()).isEqualTo("c4"));
    }

    @Test
    void linksRecordedAtTheSameInstantAreOrderedByCase() {
        Presentation a = link("a", "VICTIM", "CLEVELAND_POLICE", 5);
        Presentation b = link("b", "VICTIM", "STOCKTON_CST", 5);
        Presentation c = link("c", "VICTIM", "THIRTEEN_GROUP", 5);
        assertThat(consumeInOrder(List.of(c, b, a))).singleElement().satisfies(f -> assertThat(f.tippedBy()).isEqualTo("c"));
        assertThat(consumeInOrder(List.of(a, b, c))).singleElement().satisfies(f -> assertThat(f.tippedBy()).isEqualTo("c"));
    }

    @Test
    void aNewRunAfterTheWindowIsFlaggedAgainAndLinksOutsideTheWindowDoNotCount() {
        assertThat(rule.decide(List.of(link("c1", "VICTIM", "X", 0), link("c2", "VICTIM", "X", 200),
                link("c3", "VICTIM", "X", 400)), null)).isEmpty();
        List<Flag> flags = consumeInOrder(List.of(
                link("c1", "VICTIM", "X", 0), link("c2", "VICTIM", "X", 1), link("c3", "VICTIM", "X", 2),
                link("c4", "VICTIM", "X", 500), link("c5", "VICTIM", "X", 501), link("c6", "VICTIM", "X", 502)));
        assertThat(flags).extracting(Flag::tippedBy).containsExactly("c3", "c6");
        assertThat(flags.get(1).caseIds()).containsExactly("c4", "c5", "c6");
    }
}
