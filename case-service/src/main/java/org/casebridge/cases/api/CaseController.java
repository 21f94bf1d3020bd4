package org.casebridge.cases.api;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.casebridge.cases.domain.Case;
import org.casebridge.cases.domain.CaseStatus;
import org.casebridge.cases.domain.CaseType;
import org.casebridge.cases.domain.RiskMatrix;
import org.casebridge.cases.store.CaseSearch;
import org.casebridge.cases.store.MongoCases;
import org.casebridge.cases.store.MongoCases.VisibleCase;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.casebridge.platform.web.IdempotentCreates;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/cases")
@Validated
class CaseController {

    private final MongoCases cases;
    private final org.casebridge.cases.domain.CaseReferences references;
    private final org.casebridge.cases.store.MongoKnownLocations locations;
    private final AuditTrail audit;
    private final IdempotentCreates idempotent;
    private final Clock clock;

    CaseController(MongoCases cases, org.casebridge.cases.domain.CaseReferences references,
            org.casebridge.cases.store.MongoKnownLocations locations, AuditTrail audit, IdempotentCreates idempotent,
            Clock clock) {
        this.idempotent = idempotent;
        this.locations = locations;
        this.cases = cases;
        this.references = references;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Open a case for your organisation",
            description = "Send an Idempotency-Key to make a retried request return the case it already created "
                    + "(yours, for the same body, within 24 hours; another body under the same key is a 422).")
    @PostMapping
    ResponseEntity<CaseView> open(@Valid @RequestBody OpenCaseRequest request, CurrentUser user,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) @Size(max = 100) String idempotencyKey) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation, so it cannot own a case.");
        }
        if (request.team() != null && !user.teams().contains(request.team())) {
            throw DomainException.invalid("You can only put a case in one of your own teams: " + user.teams());
        }
        return idempotent.create(user, idempotencyKey, "case", request, cases.newId(), id -> {
            Case opened = Case.open(id, new Case.CaseOpening(request.type(), request.title(), request.summary(),
                    user.organisation(), user.id(), request.leadOfficer(), request.team(),
                    Boolean.TRUE.equals(request.referral()), request.nextReviewDate()), references, clock.instant());
            // the audit record rides in the case's own outbox: one write, so no case is stored unaudited
            cases.insert(opened, null, audit.entry(user, "CREATE", "case", opened.id(), "owner-organisation", null,
                    Map.of("reference", Map.of("after", opened.reference().value()))));
            return created(opened);
        }, id -> cases.findVisible(id, user.principals())
                .map(found -> new IdempotentCreates.Replay<>(created(found.value()), CaseGuard.grantedBy(found, user))));
    }

    @Operation(summary = "Read a case you may see")
    @GetMapping("/{id}")
    ResponseEntity<CaseView> get(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        VisibleCase found = cases.findVisible(id, user.principals())
                .orElseThrow(() -> DomainException.notFound("Case " + id));
        audit.record(user, "READ", "case", id, CaseGuard.grantedBy(found, user), purpose, null);
        return ResponseEntity.ok().eTag(ETags.of(found.value().version())).body(CaseView.of(found.value()));
    }

    @Operation(summary = "Find the cases you may see, newest first",
            description = "Every filter is optional; they combine. 'q' matches words of the reference, title and summary; 'postcode' (TS18 1AB, or a district such as TS18) finds cases linked to locations there. "
                    + "Pass the nextCursor of one page as 'after' to get the next page; 'total' counts only cases you may see.")
    @GetMapping
    CasePage find(CurrentUser user, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z]{2,5}-[0-9]{4}-[0-9]{6}") String reference,
            @RequestParam(required = false) CaseType type,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) RiskMatrix.Band riskBand,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z0-9_]{2,40}") String owner,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String leadOfficer,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String person,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String location,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{1,2}[0-9][A-Za-z0-9]?( ?[0-9][A-Za-z]{2})?",
                    message = "must be a postcode (TS18 1AB) or a district (TS18)") String postcode,
            @RequestParam(required = false) Instant openedFrom,
            @RequestParam(required = false) Instant openedTo,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) Boolean caseReviewDue) {
        CaseSearch search = new CaseSearch(reference, name(type), name(status), name(riskBand), owner, leadOfficer, person,
                locationIds(location, postcode), openedFrom, openedTo, q, null, caseReviewDue);
        return page(user, search, after, limit);
    }

    @Operation(summary = "Cases you may see whose next review date has passed, newest first")
    @GetMapping("/reviews/overdue")
    CasePage overdueReviews(CurrentUser user, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after) {
        CaseSearch search = new CaseSearch(null, null, null, null, null, null, null, null, null, null, null,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), null);
        return page(user, search, after, limit);
    }

    private CasePage page(CurrentUser user, CaseSearch search, String after, int limit) {
        List<CaseView> page = cases.search(user.principals(), search, after, limit).stream()
                .map(v -> CaseView.of(v.value())).toList();
        // titles can hold names and addresses: every case shown is a read of personal data
        audit.recordEach(user, "LIST", "case", page.stream().map(CaseView::id).toList(), null);
        // and the search itself, with its terms, even when it found nothing
        audit.recordSearch(user, "case", search, page.size(), null);
        String next = page.size() == limit ? page.get(page.size() - 1).id() : null;
        return new CasePage(page, next, cases.count(user.principals(), search));
    }

    /** A postcode or district stands for the locations in it; with a location too, that location if it is in it. */
    private List<String> locationIds(String location, String postcode) {
        if (postcode == null) {
            return location == null ? null : List.of(location);
        }
        List<String> inArea = locations.inPostcode(postcode);
        return location == null ? inArea : inArea.stream().filter(location::equals).toList();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    record CasePage(List<CaseView> items, String nextCursor, long total) {
    }

    private static ResponseEntity<CaseView> created(Case c) {
        return ResponseEntity.created(URI.create("/api/v1/cases/" + c.id())).eTag(ETags.of(c.version())).body(CaseView.of(c));
    }
}
