package org.casebridge.parties.api;

import java.net.URI;
import java.util.List;

import org.casebridge.parties.app.MatchView;
import org.casebridge.parties.app.PersonQueries;
import org.casebridge.parties.app.PersonRegistration;
import org.casebridge.parties.app.PersonUpdate;
import org.casebridge.parties.domain.Person;
import org.casebridge.platform.aggregate.Expectation;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.casebridge.platform.web.IdempotentCreates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/parties/people")
@Validated
class PersonController {

    private final PersonRegistration registration;
    private final PersonQueries queries;
    private final PersonUpdate updates;
    private final IdempotentCreates idempotent;

    PersonController(PersonRegistration registration, PersonQueries queries, PersonUpdate updates,
            IdempotentCreates idempotent) {
        this.registration = registration;
        this.queries = queries;
        this.updates = updates;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Register a person for your organisation",
            description = "The answer lists possibleMatches: people across the partnership who may be the same person, "
                    + "with a score and the reasons. Likely ones go on the duplicate review list. Send an Idempotency-Key "
                    + "to make a retried request return the person it already registered (yours, for the same body, "
                    + "within 24 hours; another body under the same key is a 422).")
    @PostMapping
    ResponseEntity<PersonView> register(@Valid @RequestBody PersonRequest request, CurrentUser user,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) @Size(max = 100) String idempotencyKey) {
        registration.requireMayRegister(user);
        return idempotent.create(user, idempotencyKey, "person", request, registration.newId(), id -> {
            PersonRegistration.Registered registered = registration.register(id, user, request.details());
            return created(registered.person(), registered.possibleMatches());
        }, id -> queries.visible(id, user)
                .map(seen -> new IdempotentCreates.Replay<>(created(seen.person(), List.of()), seen.grantedBy())));
    }

    @Operation(summary = "Who this person may already be, before registering them",
            description = "Nothing is stored. The same matching as on registration.")
    @PostMapping("/matches")
    List<MatchView> check(@Valid @RequestBody PersonRequest request, CurrentUser user) {
        return registration.possibleMatches(user, request.details());
    }

    @Operation(summary = "Read a person your organisation holds a record of, or who is linked to a case you may see",
            description = "A record merged into another answers 307 with the survivor's Location.")
    @GetMapping("/{id}")
    ResponseEntity<PersonView> get(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        Person found = queries.read(id, user, purpose);
        if (found.status() == Person.Status.MERGED) {
            return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
                    .location(URI.create("/api/v1/parties/people/" + found.mergedInto())).build();
        }
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(PersonView.of(found));
    }

    @Operation(summary = "Whether you may see a person: 204, or 404 as for one that does not exist",
            description = "Nothing about the person is returned, so nothing is audited: case-service asks it, with the "
                    + "caller's token, before it links the person to a case.")
    @GetMapping("/{id}/visible")
    ResponseEntity<Void> canSee(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user) {
        queries.visible(id, user).orElseThrow(() -> DomainException.notFound("Person " + id));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Replace a person's details",
            description = "Send the whole person with If-Match. Flags already set keep who set them.")
    @PutMapping("/{id}")
    ResponseEntity<PersonView> update(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody PersonRequest request, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Person person = updates.update(id, user, Expectation.ifMatch(ifMatch), request.details());
        return ResponseEntity.ok().eTag(ETags.of(person.version())).body(PersonView.of(person));
    }

    @Operation(summary = "Find people your organisation holds, newest first",
            description = "Give at least one of: name (every word must sound like one of the person's names, nicknames "
                    + "included: 'Bob' finds 'Robert'), dateOfBirth (1980-02-14 also finds people recorded as 1980 or "
                    + "1980-02), postcode (whole, or the district such as TS18), identifier as SCHEME:value.")
    @GetMapping
    PersonPage search(CurrentUser user, @RequestParam(required = false) @Size(max = 200) String name,
            @RequestParam(required = false) @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?") String dateOfBirth,
            @RequestParam(required = false) @Size(max = 10) String postcode,
            @RequestParam(required = false) @Size(max = 60) @Pattern(regexp = "(PNC|NHS|NINO|TENANCY|PARTNER):.+") String identifier,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after) {
        PersonQueries.PersonPage page = queries.search(user, name, dateOfBirth, postcode, identifier, after, limit);
        return new PersonPage(page.items().stream().map(PersonView::of).toList(), page.nextCursor());
    }

    record PersonPage(List<PersonView> items, String nextCursor) {
    }

    private static ResponseEntity<PersonView> created(Person p, List<MatchView> matches) {
        return ResponseEntity.created(URI.create("/api/v1/parties/people/" + p.id())).eTag(ETags.of(p.version()))
                .body(PersonView.of(p, matches));
    }
}
