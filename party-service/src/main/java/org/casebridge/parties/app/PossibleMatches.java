package org.casebridge.parties.app;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casebridge.parties.domain.Person;
import org.casebridge.parties.domain.PersonSearch;
import org.casebridge.parties.domain.matching.Match;
import org.casebridge.parties.domain.matching.MatchProfile;
import org.casebridge.parties.domain.matching.PersonMatcher;
import org.casebridge.parties.store.MongoPeople;
import org.casebridge.parties.store.MongoSuspectedDuplicates;
import org.springframework.stereotype.Component;

/** Finds who a person may already be, across the whole partnership, and notes likely duplicates for review. */
@Component
class PossibleMatches {

    private static final int SHOWN = 10;

    private final MongoPeople people;
    private final MongoSuspectedDuplicates duplicates;
    private final PersonMatcher matcher = PersonMatcher.standard();
    private final Clock clock;

    PossibleMatches(MongoPeople people, MongoSuspectedDuplicates duplicates, Clock clock) {
        this.people = people;
        this.duplicates = duplicates;
        this.clock = clock;
    }

    List<Ranked> of(Person person) {
        MatchProfile profile = PersonSearch.profileOf(person.id(), person.details());
        List<Person> candidates = people.candidatesFor(profile);
        Map<String, Person> byId = candidates.stream().collect(Collectors.toMap(Person::id, Function.identity()));
        List<Match> ranked = matcher.rank(profile,
                candidates.stream().map(c -> PersonSearch.profileOf(c.id(), c.details())).toList(), SHOWN);
        return ranked.stream().map(m -> new Ranked(m, byId.get(m.personId()))).toList();
    }

    /** Matches as the caller may see them; likely ones are also put on the duplicate review list. */
    List<MatchView> reviewed(Person registered, List<Ranked> matches, String callerOrganisation) {
        for (Ranked m : matches) {
            if (m.match().score() >= PersonMatcher.LIKELY) {
                Set<String> organisations = new HashSet<>(registered.organisations());
                organisations.addAll(m.person().organisations());
                duplicates.suspect(registered.id(), m.person().id(), organisations, m.match().score(), m.match().reasons(),
                        clock.instant());
            }
        }
        return shown(matches, callerOrganisation);
    }

    static List<MatchView> shown(List<Ranked> matches, String callerOrganisation) {
        return matches.stream().map(m -> MatchView.of(m.match(), m.person(), callerOrganisation)).toList();
    }

    record Ranked(Match match, Person person) {
    }
}
