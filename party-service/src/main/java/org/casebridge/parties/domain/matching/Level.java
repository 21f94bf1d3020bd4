package org.casebridge.parties.domain.matching;

/**
 * One level of agreement of a field, with its Fellegi–Sunter probabilities.
 *
 * @param m the chance of seeing this level when both records are the same person
 * @param u the chance of seeing it when they are different people
 */
record Level(double m, double u) {

    /** Bits of evidence: log2(m/u). Positive when the level is commoner among true matches. */
    double weight() {
        return Math.log(m / u) / Math.log(2);
    }

    /**
     * The "none of the above" level of a field, whose m and u are what the agreement levels leave over. For a field
     * with a single agreement level this is the textbook disagreement weight log2((1-m)/(1-u)).
     */
    static Level disagreement(Level... agreements) {
        double m = 1;
        double u = 1;
        for (Level level : agreements) {
            m -= level.m();
            u -= level.u();
        }
        return new Level(m, u);
    }
}
