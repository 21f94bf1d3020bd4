package org.casebridge.parties.domain.matching;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether two people have been recorded at the same postcode, or at least in the same postcode district. A
 * postcode recorded only as its district ("TS18") can agree on the district and no more.
 */
final class PostcodeComparison {

    /** The inward code (sector and unit, "1AB") is always the last three characters of a full UK postcode. */
    private static final int INWARD_LENGTH = 3;
    private static final int SHORTEST_FULL = 5;

    private PostcodeComparison() {
    }

    static Evidence compare(Set<String> a, Set<String> b) {
        Set<String> mine = normalise(a);
        Set<String> theirs = normalise(b);
        if (mine.isEmpty() || theirs.isEmpty()) {
            return Evidence.NONE;
        }
        for (String postcode : mine) {
            if (isFull(postcode) && theirs.contains(postcode)) {
                return Evidence.of(Weights.POSTCODE_SAME, "same postcode " + display(postcode));
            }
        }
        Set<String> theirDistricts = theirs.stream().map(PostcodeComparison::district).collect(Collectors.toSet());
        for (String postcode : mine) {
            if (theirDistricts.contains(district(postcode))) {
                return Evidence.of(Weights.POSTCODE_SAME_DISTRICT, "same postcode district " + district(postcode));
            }
        }
        // people move house: a different postcode is not worth a reason of its own
        return new Evidence(Weights.POSTCODE_DIFFERENT.weight(), null);
    }

    /** Sorted, so that the reason names the same postcode every time. */
    static Set<String> normalise(Set<String> postcodes) {
        return postcodes.stream().map(PostcodeComparison::normalise).filter(p -> !p.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Upper case without spaces: "ts18 1ab" and "TS181AB" are one postcode. */
    static String normalise(String postcode) {
        return postcode == null ? "" : postcode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static boolean isFull(String postcode) {
        return postcode.length() >= SHORTEST_FULL;
    }

    private static String district(String postcode) {
        return isFull(postcode) ? postcode.substring(0, postcode.length() - INWARD_LENGTH) : postcode;
    }

    private static String display(String postcode) {
        String district = district(postcode);
        return district + " " + postcode.substring(district.length());
    }
}
