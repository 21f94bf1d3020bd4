package org.casebridge.parties.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.casebridge.parties.domain.Person;
import org.casebridge.parties.store.MongoPeople;
import org.casebridge.parties.store.MongoSuspectedDuplicates;
import org.casebridge.parties.store.MongoSuspectedDuplicates.Status;
import org.casebridge.parties.store.MongoSuspectedDuplicates.SuspectedDuplicate;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Duplicate review: the suspected pairs, merging two records of one person and undoing a wrong merge. A merge
 * touches two documents and MongoDB here has no transactions, so the duplicate is marked first and put back if the
 * survivor cannot be written: either both change or neither does.
 */
@RestController
@RequestMapping("/api/v1/parties")
@Validated
class PersonMergeController {

    private final MongoPeople people;
    private final MongoSuspectedDuplicates duplicates;
    private final org.casebridge.parties.store.MongoInvolvements involvements;
    private final AuditTrail audit;
    private final Clock clock;

    PersonMergeController(MongoPeople people, MongoSuspectedDuplicates duplicates,
            org.casebridge.parties.store.MongoInvolvements involvements, AuditTrail audit, Clock clock) {
        this.people = people;
        this.involvements = involvements;
        this.duplicates = duplicates;
        this.audit = audit;
        this.clock = clock;
    }

    record MergeRequest(@NotBlank @Pattern(regexp = "[0-9a-f]{24}") String duplicateId, @NotBlank @Size(max = 1000) String reason) {
    }

    record UnmergeRequest(@NotBlank @Pattern(regexp = "[0-9a-f]{24}") String personId, @NotBlank @Size(max = 1000) String reason) {
    }

    @Operation(summary = "Merge a duplicate record into this person",
            description = "Send If-Match with the survivor's ETag. You must be able to see both records. The survivor keeps "
                    + "every name, address, contact, identifier and flag; the duplicate's id answers 307 to the survivor.")
    @PostMapping("/people/{id}/merge")
    ResponseEntity<PersonView> merge(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody MergeRequest request, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        String organisation = PersonController.organisationOf(user);
        Person survivor = people.findVisible(id, organisation).orElseThrow(() -> DomainException.notFound("Person " + id));
        Person duplicate = people.findVisible(request.duplicateId(), organisation)
                .orElseThrow(() -> DomainException.notFound("Person " + request.duplicateId()));
        if (survivor.version() != expected) {
            throw ETags.stale();
        }
        long duplicateVersion = duplicate.version();
        Person duplicateBefore = people.find(duplicate.id()).orElseThrow();
        survivor.absorb(duplicate, user.id(), organisation, clock.instant());
        // two documents: each one's write carries its own audit record
        writeBoth(user, "MERGE", request.reason(), duplicate, duplicateVersion, duplicateBefore,
                Map.of("mergedInto", id), survivor, expected, Map.of("merged", duplicate.id()));
        involvements.follow(duplicate.id(), id);
        duplicates.resolve(MongoSuspectedDuplicates.pairId(id, duplicate.id()), Status.MERGED, user.id(), clock.instant());
        return ResponseEntity.ok().eTag(ETags.of(survivor.version())).body(PersonView.of(survivor));
    }

    @Operation(summary = "Undo a wrong merge",
            description = "Send If-Match with the survivor's ETag. The survivor loses exactly what the merge brought; the "
                    + "released person is a record in its own right again.")
    @PostMapping("/people/{id}/unmerge")
    ResponseEntity<PersonView> unmerge(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody UnmergeRequest request, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        String organisation = PersonController.organisationOf(user);
        Person survivor = people.findVisible(id, organisation).orElseThrow(() -> DomainException.notFound("Person " + id));
        if (survivor.version() != expected) {
            throw ETags.stale();
        }
        Person released = people.find(request.personId()).filter(p -> id.equals(p.mergedInto()))
                .orElseThrow(() -> DomainException.conflict("Person " + request.personId() + " was not merged into " + id + "."));
        long releasedVersion = released.version();
        Person releasedBefore = people.find(released.id()).orElseThrow();
        survivor.release(released, user.id(), organisation, clock.instant());
        writeBoth(user, "UNMERGE", request.reason(), released, releasedVersion, releasedBefore,
                Map.of("releasedFrom", id), survivor, expected, Map.of("released", released.id()));
        involvements.release(released.id());
        duplicates.resolve(MongoSuspectedDuplicates.pairId(id, released.id()), Status.NOT_DUPLICATE, user.id(), clock.instant());
        return ResponseEntity.ok().eTag(ETags.of(survivor.version())).body(PersonView.of(survivor));
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
                PersonController.ORGANISATION_RECORD, reason, otherChanges))) {
            throw ETags.stale();
        }
        if (!people.update(survivor, survivorVersion, audit.entry(user, action, "person", survivor.id(),
                PersonController.ORGANISATION_RECORD, reason, survivorChanges))) {
            people.putBack(otherBefore, other.version(), audit.entry(user, action + "_UNDONE", "person", other.id(),
                    PersonController.ORGANISATION_RECORD, reason, otherChanges));
            throw ETags.stale();
        }
    }

    @Operation(summary = "Suspected duplicates involving your organisation's records, newest first",
            description = "Records your organisation does not hold show only which organisations hold them.")
    @GetMapping("/duplicates")
    DuplicatePage suspected(CurrentUser user, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Size(max = 60) String after) {
        String organisation = PersonController.organisationOf(user);
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

    @Operation(summary = "Say a suspected pair are different people", description = "The pair leaves the review list.")
    @PostMapping("/duplicates/{id}/not-duplicate")
    ResponseEntity<Void> notDuplicate(@PathVariable @Pattern(regexp = "[0-9a-f]{24}-[0-9a-f]{24}") String id, CurrentUser user) {
        String organisation = PersonController.organisationOf(user);
        SuspectedDuplicate pair = duplicates.find(id).filter(d -> d.organisations().contains(organisation))
                .orElseThrow(() -> DomainException.notFound("Suspected duplicate " + id));
        if (pair.status() != Status.OPEN) {
            throw DomainException.conflict("This pair was already decided: " + pair.status() + ".");
        }
        duplicates.resolve(id, Status.NOT_DUPLICATE, user.id(), clock.instant());
        return ResponseEntity.noContent().build();
    }

    record DuplicatePage(List<DuplicateView> items, String nextCursor) {
    }

    record DuplicateView(String id, List<PersonSummary> people, int score, List<String> reasons, Instant foundAt) {
    }

    /** One of a suspected pair: who it is if the caller's organisation holds the record, else who holds it. */
    record PersonSummary(String id, String name, String dateOfBirth, java.util.Set<String> heldBy) {
        static PersonSummary of(Person p, String organisation) {
            return p.organisations().contains(organisation)
                    ? new PersonSummary(p.id(), p.givenName() + " " + p.familyName(), p.dateOfBirth(), p.organisations())
                    : new PersonSummary(null, null, null, p.organisations());
        }
    }
}
