package org.casebridge.parties.domain.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores how likely an existing person is the one being registered, Fellegi–Sunter style: each field adds the bits
 * of evidence its level of agreement carries ({@link Weights}), and the total is shown as a score out of 100. A
 * practitioner decides; the score only orders the list and the reasons say why.
 */
public final class PersonMatcher {

    /** Worth a practitioner's attention before a new record is created. */
    public static final int LIKELY = 80;
    /** Worth listing at all. */
    public static final int POSSIBLE = 50;

    /**
     * The score is the logistic curve 100 / (1 + 2^-((W - MIDPOINT) / SPREAD)) of the total weight W in bits.
     * MIDPOINT puts POSSIBLE at 12 bits, so an exact name alone (14) is worth a look. SPREAD stretches the curve so
     * that LIKELY needs 20 bits rather than the 2 more a strict posterior would: an exact name and date of birth
     * (25) are likely, the same with a different NHS number (15) are not.
     */
    private static final double MIDPOINT = 12;
    private static final double SPREAD = 4;
    /** 100 is kept for a shared personal identifier, so that the practitioner can tell certainty from strength. */
    private static final int HIGHEST_WITHOUT_IDENTIFIER = 99;

    private static final PersonMatcher STANDARD = new PersonMatcher(Nicknames.standard());

    private final NameComparison names;

    PersonMatcher(Nicknames nicknames) {
        this.names = new NameComparison(nicknames);
    }

    public static PersonMatcher standard() {
        return STANDARD;
    }

    /** The match with its reasons, or empty when the existing person is below {@link #POSSIBLE}. */
    public Optional<Match> compare(MatchProfile incoming, MatchProfile existing) {
        List<Evidence> evidence = new ArrayList<>(IdentifierComparison.compare(incoming.identifiers(),
                existing.identifiers()));
        evidence.add(BirthDateComparison.compare(incoming.dateOfBirth(), existing.dateOfBirth()));
        evidence.addAll(names.best(incoming.names(), existing.names()));
        evidence.add(PostcodeComparison.compare(incoming.postcodes(), existing.postcodes()));

        int score = score(evidence);
        if (score < POSSIBLE) {
            return Optional.empty();
        }
        List<String> reasons = evidence.stream().map(Evidence::reason).filter(Objects::nonNull).toList();
        return Optional.of(new Match(existing.id(), score, reasons));
    }

    /** The best matches first, at most {@code limit}, never the incoming person itself. */
    public List<Match> rank(MatchProfile incoming, Collection<MatchProfile> candidates, int limit) {
        return candidates.stream()
                .filter(candidate -> !Objects.equals(candidate.id(), incoming.id()))
                .map(candidate -> compare(incoming, candidate))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(Match::score).reversed().thenComparing(Match::personId,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(limit)
                .toList();
    }

    private static int score(List<Evidence> evidence) {
        if (evidence.stream().anyMatch(Evidence::isDecisive)) {
            return 100;
        }
        double weight = evidence.stream().mapToDouble(Evidence::weight).sum();
        double score = 100 / (1 + Math.pow(2, -(weight - MIDPOINT) / SPREAD));
        return (int) Math.min(HIGHEST_WITHOUT_IDENTIFIER, Math.round(score));
    }
}
