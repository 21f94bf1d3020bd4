package org.casebridge.parties.api;

import org.casebridge.parties.app.PersonMerge;
import org.casebridge.parties.domain.Person;
import org.casebridge.platform.aggregate.Expectation;
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

/** Duplicate review through the API: the suspected pairs, merging two records of one person and undoing a wrong merge. */
@RestController
@RequestMapping("/api/v1/parties")
@Validated
class PersonMergeController {

    private final PersonMerge merges;

    PersonMergeController(PersonMerge merges) {
        this.merges = merges;
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
        return ok(merges.merge(id, user, Expectation.ifMatch(ifMatch), request.duplicateId(), request.reason()));
    }

    @Operation(summary = "Undo a wrong merge",
            description = "Send If-Match with the survivor's ETag. The survivor loses exactly what the merge brought; the "
                    + "released person is a record in its own right again.")
    @PostMapping("/people/{id}/unmerge")
    ResponseEntity<PersonView> unmerge(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody UnmergeRequest request, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(merges.unmerge(id, user, Expectation.ifMatch(ifMatch), request.personId(), request.reason()));
    }

    @Operation(summary = "Suspected duplicates involving your organisation's records, newest first",
            description = "Records your organisation does not hold show only which organisations hold them.")
    @GetMapping("/duplicates")
    PersonMerge.DuplicatePage suspected(CurrentUser user, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Size(max = 60) String after) {
        return merges.suspected(user, after, limit);
    }

    @Operation(summary = "Say a suspected pair are different people", description = "The pair leaves the review list.")
    @PostMapping("/duplicates/{id}/not-duplicate")
    ResponseEntity<Void> notDuplicate(@PathVariable @Pattern(regexp = "[0-9a-f]{24}-[0-9a-f]{24}") String id, CurrentUser user) {
        merges.notDuplicate(id, user);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<PersonView> ok(Person survivor) {
        return ResponseEntity.ok().eTag(ETags.of(survivor.version())).body(PersonView.of(survivor));
    }
}
