package org.casebridge.parties.messaging;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.cases.CasePartyLinked;
import org.casebridge.contracts.cases.CasePartyUnlinked;
import org.casebridge.contracts.party.RepeatPresentationFlagged;
import org.casebridge.parties.domain.Person;
import org.casebridge.parties.domain.RepeatPresentation;
import org.casebridge.parties.store.MongoInvolvements;
import org.casebridge.parties.store.MongoPeople;
import org.casebridge.platform.access.CaseAccessProjection;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.kafka.EventHandlers;
import org.casebridge.platform.kafka.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * People linked to and unlinked from cases in any agency: the involvement index, and the repeat-presentation rule,
 * checked whenever someone is linked as a victim or complainant.
 */
@Component
class PeopleOnCases {

    private static final String CONSUMER = "party-service.cases";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PeopleOnCases.class);

    private final EventHandlers handlers;
    private final MongoInvolvements involvements;
    private final MongoPeople people;
    private final CaseAccessProjection cases;
    private final RepeatPresentation rule;
    private final AggregateStore store;
    private final OutboxEvents events;
    private final Clock clock;

    PeopleOnCases(IdempotentConsumer consumer, MongoInvolvements involvements, MongoPeople people, CaseAccessProjection cases,
            RepeatPresentation rule, AggregateStore store, OutboxEvents events, Clock clock) {
        this.handlers = new EventHandlers(consumer, CONSUMER).on(CasePartyLinked.class, this::linked)
                .on(CasePartyUnlinked.class, this::unlinked);
        this.involvements = involvements;
        this.people = people;
        this.cases = cases;
        this.rule = rule;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.CASE, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        handlers.handle(record);
    }

    private void linked(CasePartyLinked link) {
        if (!"PERSON".equals(link.target())) {
            return;
        }
        String current = people.find(link.targetId()).filter(p -> p.status() == Person.Status.MERGED)
                .map(Person::mergedInto).orElse(link.targetId());
        if (!entitled(link, current)) {
            log.warn("Ignored the link of person {} to case {} by {} ({}): that organisation could not see them",
                    link.targetId(), link.caseId(), link.linkedBy(), link.organisation());
            return;
        }
        involvements.linked(link, current);
        if (RepeatPresentation.PRESENTING_ROLES.contains(link.role())) {
            checkRepeat(current);
        }
    }

    private void unlinked(CasePartyUnlinked unlink) {
        if ("PERSON".equals(unlink.target())) {
            involvements.unlinked(unlink.caseId(), unlink.targetId(), unlink.role());
        }
    }

    /**
     * A link widens who may see a person (anyone who may see the case), so it counts only when whoever made it could
     * see the person already: their organisation holds a record of them (of either record, if merged), or they or
     * their organisation may see a case the person is linked to. case-service asks before it links; this holds even
     * if something else wrote the event. (A link made through a team-only share of another case is not recognised
     * here, the event naming no teams: it is ignored, the safe way.)
     */
    private boolean entitled(CasePartyLinked link, String currentId) {
        if (link.organisation() == null || link.organisation().isBlank()) {
            return false;
        }
        java.util.Set<String> holders = new java.util.HashSet<>();
        people.find(link.targetId()).ifPresent(p -> holders.addAll(p.organisations()));
        people.find(currentId).ifPresent(p -> holders.addAll(p.organisations()));
        if (holders.contains(link.organisation())) {
            return true;
        }
        List<String> principals = List.of("org:" + link.organisation(), "user:" + link.linkedBy());
        List<String> linkedCases = involvements.of(currentId).stream().map(MongoInvolvements.Involvement::caseId)
                .filter(caseId -> !caseId.equals(link.caseId())).toList();
        return cases.findAll(linkedCases).stream()
                .anyMatch(c -> c.access() != null && c.access().allows(principals, AccessLevel.VIEW));
    }

    /** Decided from the person's whole set of links by their recorded times, so consumption order does not matter. */
    private void checkRepeat(String personId) {
        List<RepeatPresentation.Presentation> presentations = involvements.of(personId).stream()
                .map(i -> new RepeatPresentation.Presentation(i.caseId(), i.role(), i.linkedByOrganisation(), i.linkedAt()))
                .toList();
        rule.decide(presentations, involvements.lastTipped(personId).orElse(null)).ifPresent(flag -> {
            List<String> owners = cases.findAll(flag.caseIds()).stream()
                    .map(CaseAccessProjection.ProjectedCase::ownerOrganisation).distinct().sorted().toList();
            // the event first: after a crash in between, a second flag is better than none
            store.append(events.of(personId, null, new RepeatPresentationFlagged(personId, flag.count(),
                    flag.threshold().count(), flag.threshold().months(), flag.caseIds(), owners, flag.ruleOf(),
                    clock.instant())));
            involvements.flagged(personId, flag.tippedAt(), clock.instant());
        });
    }
}
