package org.casebridge.cases.domain;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The ASB Case Review (the "community trigger" of the Anti-social Behaviour, Crime and Policing Act 2014): a victim
 * who has complained N times in M months, to any agency, may ask for their case to be reviewed. CaseBridge counts
 * for them, so the review is offered when the threshold is met instead of being discovered weeks later.
 *
 * @param threshold complaints that meet the threshold (the partnership's choice; three by default)
 * @param windowMonths over how many months they are counted (six by default)
 */
public record AsbCaseReview(int threshold, int windowMonths) {

    public AsbCaseReview {
        if (threshold < 1 || windowMonths < 1) {
            throw new IllegalArgumentException("threshold and window must be positive");
        }
    }

    /** Cases opened from this instant on count towards the threshold. */
    public Instant windowStart(Instant now) {
        return now.atZone(ZoneOffset.UTC).minusMonths(windowMonths).toInstant();
    }

    /** Roles in which a person's link to a case counts as a complaint. */
    public static boolean countsAsComplaint(Link link) {
        return link.target() == Link.Target.PERSON
                && (link.role().equals(Link.PersonRole.VICTIM.name()) || link.role().equals(Link.PersonRole.COMPLAINANT.name()));
    }

    public boolean isMet(long complaints) {
        return complaints >= threshold;
    }
}
