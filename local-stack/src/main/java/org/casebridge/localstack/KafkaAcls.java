package org.casebridge.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What each Kafka user of the local stack may do, and nothing more (the broker refuses whatever no ACL allows).
 * A service reads the topics it listens to, writes the topics it owns, and uses consumer groups named after it; only
 * sharing-service writes {@code casebridge.access.v1} and {@code casebridge.directory.v1}. A partner organisation
 * reads its own feed and its replies and writes its own inbound topic. The topic names are the contracts' ({@code
 * org.casebridge.contracts.Topics}), written out here because the broker's classpath does not carry the contracts.
 */
final class KafkaAcls {

    static final String CASE = "casebridge.case.v1";
    static final String PARTY = "casebridge.party.v1";
    static final String TASK = "casebridge.task.v1";
    static final String ACCESS = "casebridge.access.v1";
    static final String DIRECTORY = "casebridge.directory.v1";
    static final String SHARING = "casebridge.sharing.v1";
    static final String AUDIT = "casebridge.audit.v1";
    static final String NOTIFICATION = "casebridge.notification.v1";
    static final List<String> CONTRACT_TOPICS = List.of(CASE, PARTY, TASK, ACCESS, DIRECTORY, SHARING, AUDIT, NOTIFICATION);

    /** Each service's reads and writes (every service also writes the audit topic). */
    private record Grants(List<String> reads, List<String> writes) {
    }

    private static final Map<String, Grants> SERVICES = Map.of(
            "case-service", new Grants(List.of(PARTY, TASK, ACCESS), List.of(CASE)),
            "party-service", new Grants(List.of(CASE, ACCESS), List.of(PARTY)),
            "tasking-service", new Grants(List.of(CASE, PARTY, ACCESS, DIRECTORY), List.of(TASK)),
            "sharing-service", new Grants(List.of(CASE, PARTY, TASK, ACCESS, AUDIT), List.of(ACCESS, DIRECTORY, SHARING)),
            "notification-service", new Grants(List.of(CASE, PARTY, TASK, ACCESS, DIRECTORY, SHARING, NOTIFICATION),
                    List.of(NOTIFICATION)));

    private KafkaAcls() {
    }

    static List<String> services() {
        return SERVICES.keySet().stream().sorted().toList();
    }

    /** The ACLs of every service; {@code inboundOrganisations} are those whose systems may push records in. */
    static List<AclBinding> ofServices(List<String> inboundOrganisations) {
        List<AclBinding> acls = new ArrayList<>();
        SERVICES.forEach((service, grants) -> {
            // every service declares the contract topics at start (Spring's KafkaAdmin): it may see and create them
            for (String topic : CONTRACT_TOPICS) {
                acls.add(allow(service, literal(topic), AclOperation.DESCRIBE));
                acls.add(allow(service, literal(topic), AclOperation.DESCRIBE_CONFIGS));
                acls.add(allow(service, literal(topic), AclOperation.CREATE));
            }
            grants.reads().forEach(topic -> reads(acls, service, topic));
            grants.writes().forEach(topic -> acls.add(allow(service, literal(topic), AclOperation.WRITE)));
            acls.add(allow(service, literal(AUDIT), AclOperation.WRITE));
            // consumer groups are named <service> or <service>.<what it does>
            acls.add(allow(service, new ResourcePattern(ResourceType.GROUP, service, PatternType.PREFIXED), AclOperation.READ));
        });
        // the inbound topics: read by case-service and party-service, answered on each organisation's replies topic;
        // case-service declares them
        for (String organisation : inboundOrganisations) {
            String inbound = inboundOf(organisation);
            String replies = repliesOf(organisation);
            for (String service : List.of("case-service", "party-service")) {
                reads(acls, service, inbound);
                acls.add(allow(service, literal(replies), AclOperation.WRITE));
                acls.add(allow(service, literal(replies), AclOperation.DESCRIBE));
            }
            for (String topic : List.of(inbound, replies)) {
                acls.add(allow("case-service", literal(topic), AclOperation.CREATE));
                acls.add(allow("case-service", literal(topic), AclOperation.DESCRIBE_CONFIGS));
            }
        }
        // the partner feeds are sharing-service's: it declares, writes and (for webhooks and replays) reads them
        ResourcePattern feeds = new ResourcePattern(ResourceType.TOPIC, "casebridge.partner.", PatternType.PREFIXED);
        for (AclOperation operation : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE,
                AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS)) {
            acls.add(allow("sharing-service", feeds, operation));
        }
        return acls;
    }

    /** Reading a topic, and dead-lettering what cannot be read to {@code <topic>.dlt} (made on first use). */
    private static void reads(List<AclBinding> acls, String service, String topic) {
        acls.add(allow(service, literal(topic), AclOperation.READ));
        ResourcePattern deadLetters = new ResourcePattern(ResourceType.TOPIC, topic + ".", PatternType.PREFIXED);
        acls.add(allow(service, deadLetters, AclOperation.WRITE));
        acls.add(allow(service, deadLetters, AclOperation.CREATE));
        acls.add(allow(service, deadLetters, AclOperation.DESCRIBE));
    }

    static final String PARTNER_PREFIX = "partner.";

    /** The Kafka user of a partner organisation's systems. */
    static String partnerUser(String organisation) {
        return PARTNER_PREFIX + organisation.toLowerCase(Locale.ROOT);
    }

    /** A partner reads its own feed and replies, writes its own inbound topic, in consumer groups named after it. */
    static List<AclBinding> ofPartner(String organisation) {
        String user = partnerUser(organisation);
        String feed = "casebridge.partner." + organisation.toLowerCase(Locale.ROOT) + ".v1";
        return List.of(
                allow(user, literal(feed), AclOperation.READ),
                allow(user, literal(repliesOf(organisation)), AclOperation.READ),
                allow(user, literal(inboundOf(organisation)), AclOperation.WRITE),
                allow(user, literal(inboundOf(organisation)), AclOperation.DESCRIBE),
                allow(user, new ResourcePattern(ResourceType.GROUP, user + ".", PatternType.PREFIXED), AclOperation.READ));
    }

    /** Every ACL naming {@code user}, to take them away. */
    static AclBindingFilter of(String user) {
        return new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter("User:" + user, null, AclOperation.ANY, AclPermissionType.ANY));
    }

    static String inboundOf(String organisation) {
        return "casebridge.inbound." + organisation.toLowerCase(Locale.ROOT) + ".v1";
    }

    static String repliesOf(String organisation) {
        return "casebridge.inbound." + organisation.toLowerCase(Locale.ROOT) + ".replies.v1";
    }

    private static ResourcePattern literal(String topic) {
        return new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
    }

    private static AclBinding allow(String user, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
