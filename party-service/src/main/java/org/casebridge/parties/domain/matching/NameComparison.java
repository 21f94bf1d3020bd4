package org.casebridge.parties.domain.matching;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** Surname and first name agreement, read over every name both people are known by. */
final class NameComparison {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final double SIMILAR_SURNAME = 0.92;
    private static final double SIMILAR_GIVEN = 0.90;

    private final Nicknames nicknames;

    NameComparison(Nicknames nicknames) {
        this.nicknames = nicknames;
    }

    /**
     * The strongest reading over all pairs of names, each also tried with the incoming given and family names
     * swapped, because forms are filled in both orders. Empty when there is nothing to compare.
     */
    List<Evidence> best(List<PersonName> incoming, List<PersonName> existing) {
        return incoming.stream()
                .flatMap(a -> existing.stream().flatMap(b -> readings(a, b)))
                .max(Comparator.comparingDouble(NameComparison::total))
                .orElse(List.of());
    }

    private Stream<List<Evidence>> readings(PersonName a, PersonName b) {
        List<Evidence> asRecorded = List.of(surname(a.family(), b.family()), given(a.given(), b.given()));
        if (a.given() == null || a.family() == null) {
            return Stream.of(asRecorded);
        }
        List<Evidence> swapped = List.of(surname(a.given(), b.family()), given(a.family(), b.given()),
                new Evidence(Weights.SWAPPED_NAMES, "first name and surname recorded the other way round"));
        return Stream.of(asRecorded, swapped);
    }

    private static double total(List<Evidence> evidence) {
        return evidence.stream().mapToDouble(Evidence::weight).sum();
    }

    Evidence surname(String a, String b) {
        String x = Names.normalise(a);
        String y = Names.normalise(b);
        if (x.isEmpty() || y.isEmpty()) {
            return Evidence.NONE;
        }
        String pair = " (" + a.strip() + "/" + b.strip() + ")";
        if (x.equals(y)) {
            return Evidence.of(Weights.SURNAME_EXACT, "same surname");
        }
        if (Names.phonetic(x).equals(Names.phonetic(y))) {
            return Evidence.of(Weights.SURNAME_PHONETIC, "surname sounds alike" + pair);
        }
        if (JARO_WINKLER.apply(x, y) >= SIMILAR_SURNAME) {
            return Evidence.of(Weights.SURNAME_SIMILAR, "surname spelled similarly" + pair);
        }
        return Evidence.of(Weights.SURNAME_DIFFERENT, "different surname" + pair);
    }

    /** The best agreement between any word of one first name and any of the other: people go by a middle name. */
    Evidence given(String a, String b) {
        String x = Names.normalise(a);
        String y = Names.normalise(b);
        if (x.isEmpty() || y.isEmpty()) {
            return Evidence.NONE;
        }
        if (x.equals(y)) {
            return Evidence.of(Weights.GIVEN_EXACT, "same first name");
        }
        return Names.words(a).stream()
                .flatMap(wa -> Names.words(b).stream().map(wb -> givenWord(wa, wb)))
                .max(Comparator.comparingDouble(Evidence::weight))
                .orElse(Evidence.NONE);
    }

    private Evidence givenWord(String x, String y) {
        String pair = " (" + Names.titleCase(x) + "/" + Names.titleCase(y) + ")";
        if (x.length() == 1 || y.length() == 1) {
            boolean agrees = x.charAt(0) == y.charAt(0);
            return agrees ? Evidence.of(Weights.GIVEN_INITIAL, "first initial matches" + pair)
                    : Evidence.of(Weights.GIVEN_DIFFERENT, "different first name" + pair);
        }
        if (x.equals(y)) {
            return Evidence.of(Weights.GIVEN_EXACT, "same first name");
        }
        Optional<String> common = nicknames.commonForm(x, y);
        if (common.isPresent()) {
            return Evidence.of(Weights.GIVEN_NICKNAME, nicknameReason(x, y, common.get()));
        }
        if (Names.phonetic(x).equals(Names.phonetic(y))) {
            return Evidence.of(Weights.GIVEN_PHONETIC, "first name sounds alike" + pair);
        }
        if (JARO_WINKLER.apply(x, y) >= SIMILAR_GIVEN) {
            return Evidence.of(Weights.GIVEN_SIMILAR, "first name spelled similarly" + pair);
        }
        return Evidence.of(Weights.GIVEN_DIFFERENT, "different first name" + pair);
    }

    /** "Bob is a short form of Robert", but Steven and Stephen are only spellings of one name. */
    private static String nicknameReason(String x, String y, String common) {
        String a = Names.titleCase(x);
        String b = Names.titleCase(y);
        boolean spellings = Names.phonetic(x).equals(Names.phonetic(y));
        if (!spellings && common.equals(y) && x.length() < y.length()) {
            return a + " is a short form of " + b;
        }
        if (!spellings && common.equals(x) && y.length() < x.length()) {
            return b + " is a short form of " + a;
        }
        if (!common.equals(x) && !common.equals(y)) {
            return a + " and " + b + " are both forms of " + Names.titleCase(common);
        }
        return a + " and " + b + " are forms of the same name";
    }
}
