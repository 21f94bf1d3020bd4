package org.casebridge.cases.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.casebridge.cases.app.CaseCommands;
import org.casebridge.cases.app.CaseQueries;
import org.casebridge.cases.domain.Case;
import org.casebridge.cases.domain.CaseSearch;
import org.casebridge.cases.domain.CaseStatus;
import org.casebridge.cases.domain.CaseType;
import org.casebridge.cases.domain.RiskMatrix;
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

import com.fasterxml.jackson.annotation.JsonInclude;

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

    private final CaseCommands commands;
    private final CaseQueries queries;
    private final IdempotentCreates idempotent;

    CaseController(CaseCommands commands, CaseQueries queries, IdempotentCreates idempotent) {
        this.commands = commands;
        this.queries = queries;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Open a case for your organisation",
            description = "Send an Idempotency-Key to make a retried request return the case it already created "
                    + "(yours, for the same body, within 24 hours; another body under the same key is a 422).")
    @PostMapping
    ResponseEntity<CaseView> open(@Valid @RequestBody OpenCaseRequest request, CurrentUser user,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) @Size(max = 100) String idempotencyKey) {
        CaseCommands.Opening opening = new CaseCommands.Opening(request.type(), request.title(), request.summary(),
                request.leadOfficer(), request.team(), Boolean.TRUE.equals(request.referral()), request.nextReviewDate());
        commands.requireMayOpen(user, opening);
        return idempotent.create(user, idempotencyKey, "case", request, commands.newId(),
                id -> created(commands.open(id, user, opening)),
                id -> queries.visible(id, user).map(seen -> new IdempotentCreates.Replay<>(created(seen.value()), seen.grantedBy())));
    }

    @Operation(summary = "Read a case you may see")
    @GetMapping("/{id}")
    ResponseEntity<CaseView> get(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        Case found = queries.read(id, user, purpose);
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(CaseView.of(found));
    }

    @Operation(summary = "Find the cases you may see, newest first",
            description = "Every filter is optional; they combine. 'q' matches words of the reference, title and summary; 'postcode' (TS18 1AB, or a district such as TS18) finds cases linked to locations there. "
                    + "Pass the nextCursor of one page as 'after' to get the next page (none when there is no more); 'total' counts only cases you may see. "
                    + "Send total=false when you do not show the count: the answer then has no 'total' and comes sooner.")
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
            @RequestParam(required = false) Boolean caseReviewDue,
            @RequestParam(defaultValue = "true") boolean total) {
        CaseSearch search = new CaseSearch(reference, name(type), name(status), name(riskBand), owner, leadOfficer, person,
                queries.locationIds(location, postcode), openedFrom, openedTo, q, null, caseReviewDue);
        return page(queries.find(user, search, after, limit, total));
    }

    @Operation(summary = "Cases you may see whose next review date has passed, newest first")
    @GetMapping("/reviews/overdue")
    CasePage overdueReviews(CurrentUser user, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{24}") String after,
            @RequestParam(defaultValue = "true") boolean total) {
        return page(queries.overdueReviews(user, after, limit, total));
    }

    private static CasePage page(CaseQueries.CasePage found) {
        return new CasePage(found.items().stream().map(CaseView::of).toList(), found.nextCursor(), found.total());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** {@code total} is left out of the answer when the caller asked for none. */
    record CasePage(List<CaseView> items, String nextCursor, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {
    }

    private static ResponseEntity<CaseView> created(Case c) {
        return ResponseEntity.created(URI.create("/api/v1/cases/" + c.id())).eTag(ETags.of(c.version())).body(CaseView.of(c));
    }
}
