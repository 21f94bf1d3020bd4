package org.casebridge.parties.domain.matching;

/**
 * The m and u probabilities behind every weight. They are judgement, not estimates from our data: re-fit them
 * (for example by expectation maximisation over reviewed pairs) once practitioners have confirmed enough matches.
 *
 * <pre>
 * field / level                 m       u       weight (bits)
 * surname   exact               0.85    0.004    +7.7
 *           sounds alike        0.05    0.006    +3.1   double metaphone, primary code
 *           spelled similarly   0.03    0.01     +1.6   Jaro-Winkler >= 0.92
 *           different           0.07    0.98     -3.8   people change surnames, so only a moderate penalty
 * first name exact              0.82    0.01     +6.4
 *           nickname            0.08    0.002    +5.3   Bob / Robert
 *           sounds alike        0.04    0.005    +3.0
 *           spelled similarly   0.02    0.01     +1.0   Jaro-Winkler >= 0.90
 *           initial only        0.02    0.003    +2.7   J / John
 *           different           0.02    0.97     -5.6   strong: this is what tells twins apart
 * birth     exact day           0.88    0.0005  +10.8
 *           same month          0.04    0.005    +3.0   one side known only to the month, or the day differs
 *           same year           0.05    0.017    +1.6   one side known only to the year
 *           day/month swapped   0.01    0.0003   +5.1   03/04 typed as 04/03
 *           different           0.02    0.977    -5.6
 * postcode  same                0.50    0.008    +6.0
 *           same district       0.15    0.03     +2.3   outward code, e.g. TS18
 *           different           0.35    0.962    -1.5   people move: weak
 * PNC/NHS/NINO  same            decisive              a personal identifier is not shared
 *           different           0.001   0.999   -10.0  only a typing error explains it
 * partner reference same        decisive; different 0 (partners hold duplicates of their own: that is why we match)
 * tenancy   same                0.10    0.025    +2.0   a household shares it, and the postcode already counts
 * swapped given/family names                     -1.0   prefer the reading as recorded when both fit
 * one side unknown                                0
 * </pre>
 */
final class Weights {

    static final Level SURNAME_EXACT = new Level(0.85, 0.004);
    static final Level SURNAME_PHONETIC = new Level(0.05, 0.006);
    static final Level SURNAME_SIMILAR = new Level(0.03, 0.01);
    static final Level SURNAME_DIFFERENT = Level.disagreement(SURNAME_EXACT, SURNAME_PHONETIC, SURNAME_SIMILAR);

    static final Level GIVEN_EXACT = new Level(0.82, 0.01);
    static final Level GIVEN_NICKNAME = new Level(0.08, 0.002);
    static final Level GIVEN_PHONETIC = new Level(0.04, 0.005);
    static final Level GIVEN_SIMILAR = new Level(0.02, 0.01);
    static final Level GIVEN_INITIAL = new Level(0.02, 0.003);
    static final Level GIVEN_DIFFERENT = Level.disagreement(GIVEN_EXACT, GIVEN_NICKNAME, GIVEN_PHONETIC, GIVEN_SIMILAR,
            GIVEN_INITIAL);

    static final Level BIRTH_EXACT = new Level(0.88, 0.0005);
    static final Level BIRTH_SAME_MONTH = new Level(0.04, 0.005);
    static final Level BIRTH_SAME_YEAR = new Level(0.05, 0.017);
    static final Level BIRTH_TRANSPOSED = new Level(0.01, 0.0003);
    static final Level BIRTH_DIFFERENT = Level.disagreement(BIRTH_EXACT, BIRTH_SAME_MONTH, BIRTH_SAME_YEAR,
            BIRTH_TRANSPOSED);

    static final Level POSTCODE_SAME = new Level(0.50, 0.008);
    static final Level POSTCODE_SAME_DISTRICT = new Level(0.15, 0.03);
    static final Level POSTCODE_DIFFERENT = Level.disagreement(POSTCODE_SAME, POSTCODE_SAME_DISTRICT);

    static final Level PERSONAL_ID_DIFFERENT = new Level(0.001, 0.999);
    static final Level TENANCY_SAME = new Level(0.10, 0.025);

    static final double SWAPPED_NAMES = -1.0;

    private Weights() {
    }
}
