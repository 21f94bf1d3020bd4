package org.casebridge.platform.kafka;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;

/**
 * The partner organisations whose systems push records in on their own inbound topic ({@code
 * casebridge.inbound.<org>.v1}) and read the answers on its replies topic: {@code casebridge.inbound.organisations}.
 * Listeners subscribe to every inbound topic by pattern, so whoever can create a topic of that name could otherwise
 * push records in; each listener asks {@link #sender} first and ignores a record of an organisation not listed.
 */
public class PartnerInbound {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PartnerInbound.class);

    private final List<String> organisations;
    private final PlainRecords replies;

    public PartnerInbound(List<String> organisations, PlainRecords replies) {
        this.organisations = List.copyOf(organisations);
        this.replies = replies;
    }

    /** The organisations that may push records in, in the configured order. */
    public List<String> organisations() {
        return organisations;
    }

    /** The organisation whose inbound topic the record came on, or nothing (and a warning) when it may not push in. */
    public Optional<String> sender(ConsumerRecord<?, ?> record) {
        String organisation = Topics.organisationOfInbound(record.topic());
        if (!organisations.contains(organisation)) {
            log.warn("Ignored a record on {}: {} is not in casebridge.inbound.organisations", record.topic(), organisation);
            return Optional.empty();
        }
        return Optional.of(organisation);
    }

    /** Answers the organisation's system on its replies topic, once the broker has it (else throws: retried). */
    public void reply(String organisation, String key, Object answer) {
        replies.send(Topics.inboundReplies(organisation), key, answer);
    }
}
