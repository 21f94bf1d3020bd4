package org.casebridge.parties.domain.matching;

/** What one comparison contributed: a Fellegi–Sunter weight in bits and how to say it to a practitioner. */
record Evidence(double weight, String reason) {

    /** Nothing to compare (one side unknown): neither for nor against. */
    static final Evidence NONE = new Evidence(0, null);

    /** A shared personal identifier settles the question whatever else disagrees. */
    static final double DECISIVE = Double.POSITIVE_INFINITY;

    static Evidence of(Level level, String reason) {
        return new Evidence(level.weight(), reason);
    }

    boolean isDecisive() {
        return weight == DECISIVE;
    }
}
