package org.casebridge.parties.domain.matching;

import java.util.List;

/**
 * An existing person who may be the one being registered.
 *
 * @param score   0..100; 100 only when a personal identifier is the same
 * @param reasons the evidence in plain English, for the practitioner who decides
 */
public record Match(String personId, int score, List<String> reasons) {

    public Match {
        reasons = List.copyOf(reasons);
    }
}
