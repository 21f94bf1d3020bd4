package org.casebridge.parties.api;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casebridge.parties.domain.IdentifierScheme;
import org.casebridge.parties.domain.Person;
import org.casebridge.parties.domain.PersonSearch;
import org.casebridge.parties.domain.Postcode;
import org.casebridge.parties.store.MongoPeople;
import org.casebridge.platform.audit.AuditTrail;
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

    /** Why the caller was allowed, for the audit record: their organisation holds a record of the person. */
    static final String ORGANISATION_RECORD = "organisation-record";

    private final MongoPeople people;
    private final PersonAccess access;
    private final PossibleMatches matches;
    private final AuditTrail audit;
    private final IdempotentCreates idempotent;
    private final Clock clock;

    PersonController(MongoPeople people, PersonAccess access, PossibleMatches matches, AuditTrail audit,
            IdempotentCreates idempotent, Clock clock) {
        this.idempotent = idempotent;
        this.people = people;
        this.access = access;
        this.matches = matches;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Register a person for your organisation",
            description = "The answer lists possibleMatches: people across the partnership who may be the same person, "
                    + "with a score and the reasons. Likely ones go on the duplicate review list. Send an Idempotency-Key "
                    + "to make a retried request return the person it already registered (yours, for the same body, "
                    + "within 24 hours; another body under the same key is a 422).")
    @PostMapping
    ResponseEntity<PersonView> register(@Valid @RequestBody PersonRequest request, CurrentUser user,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) @Size(max = 100) String idempotencyKey) {
        String organisation = organisationOf(user);
        return idempotent.create(user, idempotencyKey, "person", request, people.newId(), id -> {
            Person registered = Person.register(id, request.details(), user.id(), organisation, clock.instant());
            List<PossibleMatches.Ranked> found = matches.of(registered);
            people.insert(registered, null, audit.entry(user, "CREATE", "person", registered.id(), ORGANISATION_RECORD,
                    null, fieldsSet(registered)));
            return created(registered, matches.reviewed(registered, found, organisation));
        }, id -> access.visible(id, user)
                .map(seen -> new IdempotentCreates.Replay<>(created(seen.person(), List.of()), seen.grantedBy())));
    }

    @Operation(summary = "Who this person may already be, before registering them",
            description = "Nothing is stored. The same matching as on registration.")
    @PostMapping("/matches")
    List<MatchView> check(@Valid @RequestBody PersonRequest request, CurrentUser user) {
        String organisation = organisationOf(user);
        Person proposed = Person.register("proposed", request.details(), user.id(), organisation, clock.instant());
        List<MatchView> shown = PossibleMatches.shown(matches.of(proposed), organisation);
        // a search by another name: what was asked (personal data, kept for the auditors) and each person shown
        audit.recordSearch(user, "person-match", fieldsSet(proposed), shown.size(), null);
        audit.recordEach(user, "MATCH", "person", shown.stream().map(MatchView::personId).toList(), null);
        return shown;
    }

    @Operation(summary = "Read a person your organisation holds a record of, or who is linked to a case you may see",
            description = "A record merged into another answers 307 with the survivor's Location.")
    @GetMapping("/{id}")
    ResponseEntity<PersonView> get(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        PersonAccess.Seen seen = access.visible(id, user).orElseThrow(() -> DomainException.notFound("Person " + id));
        Person found = seen.person();
        if (found.status() == Person.Status.MERGED) {
            return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
                    .location(URI.create("/api/v1/parties/people/" + found.mergedInto())).build();
        }
        audit.record(user, "READ", "person", id, seen.grantedBy(), purpose, null);
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(PersonView.of(found));
    }

    @Operation(summary = "Whether you may see a person: 204, or 404 as for one that does not exist",
            description = "Nothing about the person is returned, so nothing is audited: case-service asks it, with the "
                    + "caller's token, before it links the person to a case.")
    @GetMapping("/{id}/visible")
    ResponseEntity<Void> canSee(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user) {
        access.visible(id, user).orElseThrow(() -> DomainException.notFound("Person " + id));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Replace a person's details",
            description = "Send the whole person with If-Match. Flags already set keep who set them.")
    @PutMapping("/{id}")
    ResponseEntity<PersonView> update(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody PersonRequest request, CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        Person person = visible(id, user);
        if (person.version() != expected) {
            throw ETags.stale();
        }
        Map<String, Object> before = fieldsSet(person);
        person.update(request.details(), user.id(), user.organisation(), clock.instant());
        if (!people.update(person, expected, audit.entry(user, "UPDATE", "person", id, ORGANISATION_RECORD, null,
                Map.of("before", before, "after", fieldsSet(person))))) {
            throw ETags.stale();
        }
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
        String organisation = organisationOf(user);
        if (name == null && dateOfBirth == null && postcode == null && identifier == null) {
            throw DomainException.invalid("Search by at least one of name, dateOfBirth, postcode or identifier.");
        }
        if (name != null && PersonSearch.queryKeys(name).isEmpty()) {
            throw DomainException.invalid("A name to search for needs letters.");
        }
        String identifierKey = null;
        if (identifier != null) {
            int colon = identifier.indexOf(':');
            identifierKey = PersonSearch.identifierKey(IdentifierScheme.valueOf(identifier.substring(0, colon)),
                    identifier.substring(colon + 1));
        }
        var criteria = new MongoPeople.PersonCriteria(name, dateOfBirth,
                postcode == null ? null : Postcode.searchPrefix(postcode), identifierKey);
        List<PersonView> page = people.search(organisation, criteria, after, limit).stream().map(PersonView::of).toList();
        audit.recordEach(user, "LIST", "person", page.stream().map(PersonView::id).toList(), null);
        // the search itself, with its terms, whether or not it found anyone
        java.util.Map<String, Object> terms = new java.util.HashMap<>();
        terms.put("name", name);
        terms.put("dateOfBirth", dateOfBirth);
        terms.put("postcode", postcode);
        terms.put("identifier", identifier);
        audit.recordSearch(user, "person", terms, page.size(), null);
        return new PersonPage(page, page.size() == limit ? page.get(page.size() - 1).id() : null);
    }

    record PersonPage(List<PersonView> items, String nextCursor) {
    }

    private Person visible(String id, CurrentUser user) {
        return people.findVisible(id, organisationOf(user)).orElseThrow(() -> DomainException.notFound("Person " + id));
    }

    static String organisationOf(CurrentUser user) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation, so it holds no records of people.");
        }
        return user.organisation();
    }

    private static ResponseEntity<PersonView> created(Person p, List<MatchView> matches) {
        return ResponseEntity.created(URI.create("/api/v1/parties/people/" + p.id())).eTag(ETags.of(p.version()))
                .body(PersonView.of(p, matches));
    }

    /** The personal data recorded, as the audit trail's before/after (Map.of refuses nulls). */
    private static Map<String, Object> fieldsSet(Person p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("givenName", p.givenName());
        fields.put("familyName", p.familyName());
        if (p.dateOfBirth() != null) {
            fields.put("dateOfBirth", p.dateOfBirth());
        }
        fields.put("addresses", p.details().addresses().size());
        fields.put("identifiers", p.details().identifiers().stream().map(i -> i.scheme().name()).toList());
        fields.put("flags", p.details().flags().stream().map(f -> f.kind().name()).toList());
        return fields;
    }
}
