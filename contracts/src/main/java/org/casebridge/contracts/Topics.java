package org.casebridge.contracts;

/** Kafka topic names. The key of every record is the aggregate id, so one aggregate's events stay in order. */
public final class Topics {

    public static final String CASE = "casebridge.case.v1";
    public static final String PARTY = "casebridge.party.v1";
    public static final String TASK = "casebridge.task.v1";
    /** Compacted, key = case id: the latest effective access of each case. */
    public static final String ACCESS = "casebridge.access.v1";
    /** Compacted: organisations, teams and users of the partnership. */
    public static final String DIRECTORY = "casebridge.directory.v1";
    public static final String AUDIT = "casebridge.audit.v1";
    public static final String NOTIFICATION = "casebridge.notification.v1";

    private Topics() {
    }

    /** The feed a partner system subscribes to, filtered by sharing-service to what that partner may see. */
    public static String partnerFeed(String organisationCode) {
        return "casebridge.partner." + organisationCode.toLowerCase(java.util.Locale.ROOT) + ".v1";
    }

    /** Where a poison message goes after bounded retries. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
