package org.casebridge.parties.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.cases.CasePartyLinked;
import org.casebridge.contracts.cases.CasePartyUnlinked;
import org.casebridge.contracts.party.RepeatPresentationFlagged;
import org.casebridge.parties.domain.Person;
import org.casebridge.parties.domain.RepeatPresentation;
import org.casebridge.parties.store.MongoInvolvements;
import org.casebridge.parties.store.MongoInvolvements.Involvement;
import org.casebridge.parties.store.MongoPeople;
import org.casebridge.platform.access.CaseAccessProjection;
import org.casebridge.platform.access.CaseAccessProjection.ProjectedCase;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The joined-up warning practitioners lack today: the cases across the partnership a person is linked to. The index
 * follows every agency's links and unlinks (with the repeat-presentation rule, checked whenever someone is linked as
 * a victim or complainant); a read lists the cases the caller may see and only counts the rest, with the agencies
 * that own them.
 */
@Service
public class PersonInvolvement {

    private static final Logger log = LoggerFactory.getLogger(PersonInvolvement.class);

    private final PersonAccess access;
    private final MongoInvolvements involvements;
    private final MongoPeople people;
    private final CaseAccessProjection cases;
    private final RepeatPresentation rule;
    private final AggregateStore store;
    private final OutboxEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    PersonInvolvement(PersonAccess access, MongoInvolvements involvements, MongoPeople people,
            CaseAccessProjection cases, RepeatPresentation rule, AggregateStore store, OutboxEvents events,
            AuditTrail audit, Clock clock) {
        this.access = access;
        this.involvements = involvements;
        this.people = people;
        this.cases = cases;
        this.rule = rule;
        this.store = store;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public record CaseInvolvement(String caseId, String reference, String caseType, String role, String ownerOrganisation,
            Instant linkedAt) {
    }

    /** @param summary e.g. "Known to 2 other agencies: CLEVELAND_POLICE, THIRTEEN_GROUP — ask for access" */
    public record KnownElsewhere(int cases, List<String> organisations, String summary) {
    }

    public record InvolvementView(String personId, List<CaseInvolvement> cases, KnownElsewhere knownElsewhere) {
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    /** Same visibility as the person; audited as a read of {@code person-involvement}. */
    public InvolvementView read(String id, CurrentUser user, String purpose) {
        PersonQueries.Seen seen = access.visible(id, user).orElseThrow(() -> DomainException.notFound("Person " + id));
        List<Involvement> all = involvements.of(seen.person().id());
        Map<String, ProjectedCase> known = cases.findAll(all.stream().map(Involvement::caseId).distinct().toList()).stream()
                .collect(Collectors.toMap(ProjectedCase::caseId, Function.identity()));
        List<CaseInvolvement> visible = new ArrayList<>();
        TreeSet<String> otherCases = new TreeSet<>();
        TreeSet<String> otherAgencies = new TreeSet<>();
        for (Involvement i : all) {
            ProjectedCase c = known.get(i.caseId());
            if (c != null && c.access() != null && c.access().allows(user.principals(), AccessLevel.VIEW)) {
                visible.add(new CaseInvolvement(i.caseId(), i.reference(), i.caseType(), i.role(), c.ownerOrganisation(),
                        i.linkedAt()));
            } else {
                otherCases.add(i.caseId());
                String owner = c != null ? c.ownerOrganisation() : i.linkedByOrganisation();
                if (owner != null && !owner.equals(user.organisation())) {
                    otherAgencies.add(owner);
                }
            }
        }
        audit.record(user, "READ", "person-involvement", id, seen.grantedBy(), purpose, null);
        return new InvolvementView(seen.person().id(), visible, new KnownElsewhere(otherCases.size(),
                List.copyOf(otherAgencies), summary(otherAgencies)));
    }

    private static String summary(TreeSet<String> agencies) {
        if (agencies.isEmpty()) {
            return "Not known to other agencies through their cases.";
        }
        return "Known to " + agencies.size() + (agencies.size() == 1 ? " other agency: " : " other agencies: ")
                + String.join(", ", agencies) + " — ask for access";
    }

    // --- following the cases ---------------------------------------------------------------------------------------

    /** A person linked to a case in any agency: filed under their current id, if whoever linked them could see them. */
    public void caseLinked(CasePartyLinked link) {
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

    public void caseUnlinked(CasePartyUnlinked unlink) {
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
        Set<String> holders = new HashSet<>();
        people.find(link.targetId()).ifPresent(p -> holders.addAll(p.organisations()));
        people.find(currentId).ifPresent(p -> holders.addAll(p.organisations()));
        if (holders.contains(link.organisation())) {
            return true;
        }
        List<String> principals = List.of("org:" + link.organisation(), "user:" + link.linkedBy());
        List<String> linkedCases = involvements.of(currentId).stream().map(Involvement::caseId)
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
                    .map(ProjectedCase::ownerOrganisation).distinct().sorted().toList();
            // the event first: after a crash in between, a second flag is better than none
            store.append(events.of(personId, null, new RepeatPresentationFlagged(personId, flag.count(),
                    flag.threshold().count(), flag.threshold().months(), flag.caseIds(), owners, flag.ruleOf(),
                    clock.instant())));
            involvements.flagged(personId, flag.tippedAt(), clock.instant());
        });
    }
}
