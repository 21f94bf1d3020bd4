package org.casebridge.parties.api;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.casebridge.parties.domain.Person;
import org.casebridge.parties.store.MongoPeople;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/parties/people")
@Validated
class PersonController {

    /** Why the caller was allowed, for the audit record: until sharing reaches people, only this rule exists. */
    private static final String REGISTERING_ORGANISATION = "registering-organisation";

    private final MongoPeople people;
    private final AuditTrail audit;
    private final Clock clock;

    PersonController(MongoPeople people, AuditTrail audit, Clock clock) {
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Register a person for your organisation",
            description = "Send an Idempotency-Key to make a retried request return the person it already registered.")
    @PostMapping
    ResponseEntity<PersonView> register(@Valid @RequestBody RegisterPersonRequest request, CurrentUser user,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation, so it cannot register a person.");
        }
        String key = idempotencyKey == null ? null : user.id() + "|" + idempotencyKey;
        if (key != null) {
            Optional<Person> earlier = people.findByIdempotencyKey(key);
            if (earlier.isPresent()) {
                return created(earlier.get());
            }
        }
        Person registered = Person.register(people.newId(), new Person.Registration(request.givenName(),
                request.familyName(), request.dateOfBirth(), user.id(), user.organisation()), clock.instant());
        try {
            people.insert(registered, key);
        } catch (DuplicateKeyException raced) {
            if (key == null) {
                throw raced;
            }
            return created(people.findByIdempotencyKey(key).orElseThrow());
        }
        audit.record(user, "CREATE", "person", registered.id(), REGISTERING_ORGANISATION, null, fieldsSet(registered));
        return created(registered);
    }

    @Operation(summary = "Read a person your organisation registered")
    @GetMapping("/{id}")
    ResponseEntity<PersonView> get(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        Person found = Optional.ofNullable(user.organisation()).flatMap(org -> people.findVisible(id, org))
                .orElseThrow(() -> DomainException.notFound("Person " + id));
        audit.record(user, "READ", "person", id, REGISTERING_ORGANISATION, purpose, null);
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(PersonView.of(found));
    }

    private static ResponseEntity<PersonView> created(Person p) {
        return ResponseEntity.created(URI.create("/api/v1/parties/people/" + p.id())).eTag(ETags.of(p.version()))
                .body(PersonView.of(p));
    }

    /** The personal data a registration recorded, as the audit trail's before/after (Map.of refuses nulls). */
    private static Map<String, Object> fieldsSet(Person p) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("givenName", Map.of("after", p.givenName()));
        changes.put("familyName", Map.of("after", p.familyName()));
        if (p.dateOfBirth() != null) {
            changes.put("dateOfBirth", Map.of("after", p.dateOfBirth()));
        }
        return changes;
    }
}
