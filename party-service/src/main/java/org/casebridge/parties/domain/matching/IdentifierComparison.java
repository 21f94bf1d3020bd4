package org.casebridge.parties.domain.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Identifiers held by both people under the same scheme. A personal identifier (PNC, NHS, National Insurance, a
 * partner's own reference) is given to one person only, so the same value settles the match. A tenancy reference is
 * shared by a household, so it only adds a little.
 */
final class IdentifierComparison {

    private static final String PARTNER_PREFIX = "PARTNER:";
    /** Issued once per person nationally: a different value is as telling as the same one. */
    private static final Set<String> NATIONAL = Set.of("PNC", "NHS", "NINO");

    private IdentifierComparison() {
    }

    /**
     * One piece of evidence per scheme both hold, in scheme order so that reasons read the same every time. Schemes
     * matching does not know are ignored rather than guessed at.
     */
    static List<Evidence> compare(Map<String, String> a, Map<String, String> b) {
        List<Evidence> evidence = new ArrayList<>();
        for (String scheme : new TreeSet<>(a.keySet())) {
            String mine = a.get(scheme);
            String theirs = b.get(scheme);
            if (mine == null || theirs == null || mine.isBlank() || theirs.isBlank()) {
                continue;
            }
            boolean same = mine.strip().equalsIgnoreCase(theirs.strip());
            String label = label(scheme);
            if (NATIONAL.contains(scheme)) {
                evidence.add(same ? new Evidence(Evidence.DECISIVE, "same " + label)
                        : Evidence.of(Weights.PERSONAL_ID_DIFFERENT, "different " + label));
            } else if (scheme.startsWith(PARTNER_PREFIX) && same) {
                // a different reference from one partner is no evidence: partners keep duplicates of their own
                evidence.add(new Evidence(Evidence.DECISIVE, "same " + label));
            } else if (scheme.equals("TENANCY") && same) {
                evidence.add(Evidence.of(Weights.TENANCY_SAME, "same " + label));
            }
        }
        return evidence;
    }

    static String label(String scheme) {
        return switch (scheme) {
            case "PNC" -> "PNC number";
            case "NHS" -> "NHS number";
            case "NINO" -> "National Insurance number";
            case "TENANCY" -> "tenancy reference";
            default -> scheme.startsWith(PARTNER_PREFIX)
                    ? scheme.substring(PARTNER_PREFIX.length()) + " reference"
                    : scheme + " identifier";
        };
    }
}
