package org.casebridge.parties.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casebridge.parties.domain.Person;
import org.casebridge.parties.store.MongoInvolvements;
import org.casebridge.parties.store.MongoPeople;
import org.casebridge.parties.store.MongoSuspectedDuplicates;
import org.casebridge.parties.store.MongoSuspectedDuplicates.Status;
import org.casebridge.parties.store.MongoSuspectedDuplicates.SuspectedDuplicate;
import org.casebridge.platform.aggregate.Expectation;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.springframework.stereotype.Service;

/**
 * Duplicate review: the suspected pairs, merging two records of one person and undoing a wrong merge. A merge
 * touches two documents and MongoDB here has no transactions, so the other record is written first and put back if
 * the survivor cannot be written: either both change or neither does. Each document's write carries its own audit
 * record; the involvement index and the review list follow.
 */
@Service
public class PersonMerge {

    private final MongoPeople people;
    private final MongoSuspectedDuplicates duplicates;
    private final MongoInvolvements involvements;
    private final AuditTrail audit;
    private final Clock clock;

    PersonMerge(MongoPeople people, MongoSuspectedDuplicates duplicates, MongoInvolvements involvements,
            AuditTrail audit, Clock clock) {
        this.people = people;
        this.duplicates = duplicates;
        this.involvements = involvements;
        this.audit = audit;
        this.clock = clock;
    }

    public record DuplicatePage(List<DuplicateView> items, String nextCursor) {
    }

    public record DuplicateView(String id, List<PersonSummary> people, int score, List<String> reasons, Instant foundAt) {
    }

    /** One of a suspected pair: who it is if the caller's organisation holds the record, else who holds it. */
    public record PersonSummary(String id, String name, String dateOfBirth, Set<String> heldBy) {
        static PersonSummary of(Person p, String organisation) {
            return p.organisations().contains(organisation)
                    ? new PersonSummary(p.id(), p.givenName() + " " + p.familyName(), p.dateOfBirth(), p.organisations())
                    : new PersonSummary(null, null, null, p.organisations());
        }
    }

    /**
     * Merges {@code duplicateId} into the survivor {@code id}, which must be the version expected; the caller's
     * organisation must hold both records. The survivor keeps everything ({@link Person#absorb}).
     */
    public Person merge(String id, CurrentUser user, Expectation expected, String duplicateId, String reason) {
        String organisation = PersonAccess.organisationOf(user);
        Person survivor = people.findVisible(id, organisation).orElseThrow(() -> DomainException.notFound("Person " + id));
        Person duplicate = people.findVisible(duplicateId, organisation)
                .orElseThrow(() -> DomainException.notFound("Person " + duplicateId));
        long survivorVersion = survivor.version();
        expected.check(survivorVersion);
        long duplicateVersion = duplicate.version();
        Person duplicateBefore = people.find(duplicate.id()).orElseThrow();
        survivor.absorb(duplicate, user.id(), organisation, clock.instant());
        // two documents: each one's write carries its own audit record
        writeBoth(user, "MERGE", reason, duplicate, duplicateVersion, duplicateBefore, Map.of("mergedInto", id),
                survivor, survivorVersion, Map.of("merged", duplicate.id()));
        involvements.follow(duplicate.id(), id);
        duplicates.resolve(MongoSuspectedDuplicates.pairId(id, duplicate.id()), Status.MERGED, user.id(), clock.instant());
        return survivor;
    }

    /** Undoes a merge into {@code id}: the survivor loses exactly what the merge brought ({@link Person#release}). */
    public Person unmerge(String id, CurrentUser user, Expectation expected, String personId, String reason) {
        String organisation = PersonAccess.organisationOf(user);
        Person survivor = people.findVisible(id, organisation).orElseThrow(() -> DomainException.notFound("Person " + id));
        long survivorVersion = survivor.version();
        expected.check(survivorVersion);
        Person released = people.find(personId).filter(p -> id.equals(p.mergedInto()))
                .orElseThrow(() -> DomainException.conflict("Person " + personId + " was not merged into " + id + "."));
        long releasedVersion = released.version();
        Person releasedBefore = people.find(released.id()).orElseThrow();
        survivor.release(released, user.id(), organisation, clock.instant());
        writeBoth(user, "UNMERGE", reason, released, releasedVersion, releasedBefore, Map.of("releasedFrom", id),
                survivor, survivorVersion, Map.of("released", released.id()));
        involvements.release(released.id());
        duplicates.resolve(MongoSuspectedDuplicates.pairId(id, released.id()), Status.NOT_DUPLICATE, user.id(),
                clock.instant());
        return survivor;
    }

    /**
     * The other record first, then the survivor; if the survivor changed meanwhile, the other is put back. Each
     * document's write carries its own audit record ({@code action} on that person), in the same single-document
     * write; putting the other back is recorded too ({@code action + "_UNDONE"}), so the trail shows the half merge
     * that did not stand.
     */
    private void writeBoth(CurrentUser user, String action, String reason, Person other, long otherVersion,
            Person otherBefore, Map<String, Object> otherChanges, Person survivor, long survivorVersion,
            Map<String, Object> survivorChanges) {
        if (!people.update(other, otherVersion, audit.entry(user, action, "person", other.id(),
                PersonAccess.ORGANISATION_RECORD, reason, otherChanges))) {
            throw ETags.stale();
        }
        if (!people.update(survivor, survivorVersion, audit.entry(user, action, "person", survivor.id(),
                PersonAccess.ORGANISATION_RECORD, reason, survivorChanges))) {
            people.putBack(otherBefore, other.version(), audit.entry(user, action + "_UNDONE", "person", other.id(),
                    PersonAccess.ORGANISATION_RECORD, reason, otherChanges));
            throw ETags.stale();
        }
    }

    /** Suspected pairs with a record the caller's organisation holds, newest first; each person shown is audited. */
    public DuplicatePage suspected(CurrentUser user, String after, int limit) {
        String organisation = PersonAccess.organisationOf(user);
        List<SuspectedDuplicate> page = duplicates.open(organisation, after, limit);
        List<DuplicateView> views = page.stream().map(d -> {
            List<PersonSummary> pair = people.findAll(d.personIds()).stream()
                    .map(p -> PersonSummary.of(p, organisation)).toList();
            return new DuplicateView(d.id(), pair, d.score(), d.reasons(), d.foundAt());
        }).toList();
        audit.recordEach(user, "LIST", "person", views.stream().flatMap(v -> v.people().stream())
                .filter(p -> p.id() != null).map(PersonSummary::id).distinct().toList(), null);
        return new DuplicatePage(views, page.size() == limit ? page.get(page.size() - 1).id() : null);
    }

    /** A suspected pair are different people: the pair leaves the review list. */
    public void notDuplicate(String pairId, CurrentUser user) {
        String organisation = PersonAccess.organisationOf(user);
        SuspectedDuplicate pair = duplicates.find(pairId).filter(d -> d.organisations().contains(organisation))
                .orElseThrow(() -> DomainException.notFound("Suspected duplicate " + pairId));
        if (pair.status() != Status.OPEN) {
            throw DomainException.conflict("This pair was already decided: " + pair.status() + ".");
        }
        duplicates.resolve(pairId, Status.NOT_DUPLICATE, user.id(), clock.instant());
    }
}
