package org.casebridge.parties.domain.matching;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What matching knows about a person.
 *
 * @param names       every name the person is known by, the registered name first
 * @param dateOfBirth {@code 1980}, {@code 1980-02}, {@code 1980-02-14} or null: as precisely as it is known
 * @param postcodes   in any case and spacing
 * @param identifiers scheme ({@code PNC}, {@code NHS}, {@code NINO}, {@code TENANCY}, {@code PARTNER:<org>}) to an
 *                    already normalised value
 */
public record MatchProfile(String id, List<PersonName> names, String dateOfBirth, Set<String> postcodes,
        Map<String, String> identifiers) {

    public MatchProfile {
        names = names == null ? List.of() : List.copyOf(names);
        postcodes = postcodes == null ? Set.of() : Set.copyOf(postcodes);
        identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
    }
}
