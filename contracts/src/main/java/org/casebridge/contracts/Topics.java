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
    /** Sharing's own workflow: access requests and their decisions. Keyed by request id. */
    public static final String SHARING = "casebridge.sharing.v1";
    public static final String AUDIT = "casebridge.audit.v1";
    public static final String NOTIFICATION = "casebridge.notification.v1";

    private Topics() {
    }

    /** The feed a partner system subscribes to, filtered by sharing-service to what that partner may see. */
    public static String partnerFeed(String organisationCode) {
        return "casebridge.partner." + organisationCode.toLowerCase(java.util.Locale.ROOT) + ".v1";
    }

    /** Where a partner system pushes records in (incidents, referrals, people): plain JSON, one topic per organisation. */
    public static String inbound(String organisationCode) {
        return "casebridge.inbound." + organisationCode.toLowerCase(java.util.Locale.ROOT) + ".v1";
    }

    /** The accepted/rejected answer to each inbound record, keyed by its external id. */
    public static String inboundReplies(String organisationCode) {
        return "casebridge.inbound." + organisationCode.toLowerCase(java.util.Locale.ROOT) + ".replies.v1";
    }

    /** Every organisation's inbound topic (not its replies), for a pattern subscription. */
    public static final String INBOUND_PATTERN = "casebridge\\.inbound\\.[a-z0-9_]+\\.v1";

    /** The organisation an inbound topic belongs to. */
    public static String organisationOfInbound(String topic) {
        return topic.substring("casebridge.inbound.".length(), topic.length() - ".v1".length()).toUpperCase(java.util.Locale.ROOT);
    }

    /** Where a poison message goes after bounded retries. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
