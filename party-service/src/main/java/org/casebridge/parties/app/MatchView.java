package org.casebridge.parties.app;

import java.util.List;
import java.util.Set;

import org.casebridge.parties.domain.Person;
import org.casebridge.parties.domain.matching.Match;
import org.casebridge.parties.domain.matching.PersonMatcher;

/**
 * A person who may be the same as the one being registered. When the caller's organisation holds the record they
 * see who it is; otherwise only which organisations know the person, which is the "known to" warning that tells
 * them to ask for access rather than start again.
 *
 * @param likelihood LIKELY or POSSIBLE
 */
public record MatchView(String personId, String name, String dateOfBirth, Set<String> knownTo, int score, String likelihood,
        List<String> reasons) {

    static MatchView of(Match match, Person person, String callerOrganisation) {
        String likelihood = match.score() >= PersonMatcher.LIKELY ? "LIKELY" : "POSSIBLE";
        if (person.organisations().contains(callerOrganisation)) {
            return new MatchView(person.id(), person.givenName() + " " + person.familyName(), person.dateOfBirth(),
                    person.organisations(), match.score(), likelihood, match.reasons());
        }
        return new MatchView(null, null, null, person.organisations(), match.score(), likelihood, match.reasons());
    }
}
