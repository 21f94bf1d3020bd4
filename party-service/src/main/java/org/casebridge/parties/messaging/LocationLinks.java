package org.casebridge.parties.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.cases.CasePartyLinked;
import org.casebridge.contracts.cases.CasePartyUnlinked;
import org.casebridge.parties.store.MongoLocationLinks;
import org.casebridge.parties.store.MongoLocations;
import org.casebridge.platform.access.CaseAccessProjection;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Places linked to and unlinked from cases: the index {@code LocationAccess} reads to say who may change a place. */
@Component
class LocationLinks {

    private static final String CONSUMER = "party-service.location-links";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LocationLinks.class);

    private final EventHandlers events;
    private final MongoLocationLinks links;
    private final MongoLocations locations;
    private final CaseAccessProjection cases;

    LocationLinks(IdempotentConsumer consumer, MongoLocationLinks links, MongoLocations locations,
            CaseAccessProjection cases) {
        this.events = new EventHandlers(consumer, CONSUMER).on(CasePartyLinked.class, this::linked)
                .on(CasePartyUnlinked.class, this::unlinked);
        this.links = links;
        this.locations = locations;
        this.cases = cases;
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record);
    }

    private void linked(CasePartyLinked link) {
        if (!"LOCATION".equals(link.target())) {
            return;
        }
        if (!entitled(link)) {
            log.info("Link of location {} to case {} by {} gives no say over the place: that organisation "
                    + "could not change it", link.targetId(), link.caseId(), link.organisation());
            return;
        }
        links.linked(link);
    }

    private void unlinked(CasePartyUnlinked unlink) {
        if ("LOCATION".equals(unlink.target())) {
            links.unlinked(unlink.caseId(), unlink.targetId(), unlink.role());
        }
    }

    /**
     * Every organisation may see every place and link it to its own case, so a link alone must not hand out a say
     * over the place: it counts only when the linking organisation could already change it (it registered the
     * place, or it or the linking user may see another case the place is linked to).
     */
    private boolean entitled(CasePartyLinked link) {
        if (link.organisation() == null || link.organisation().isBlank()) {
            return false;
        }
        if (locations.find(link.targetId()).map(l -> link.organisation().equals(l.organisation())).orElse(false)) {
            return true;
        }
        List<String> principals = List.of("org:" + link.organisation(), "user:" + link.linkedBy());
        List<String> otherCases = links.of(List.of(link.targetId())).stream().map(MongoLocationLinks.LocationLink::caseId)
                .filter(caseId -> !caseId.equals(link.caseId())).toList();
        return cases.findAll(otherCases).stream()
                .anyMatch(c -> c.access() != null && c.access().allows(principals, AccessLevel.VIEW));
    }
}
