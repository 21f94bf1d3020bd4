package org.casebridge.cases.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.casebridge.cases.domain.Actor;
import org.casebridge.cases.domain.Case;
import org.casebridge.cases.domain.CaseDetails;
import org.casebridge.cases.domain.CaseOutcome;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.cases.CaseUpdated;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Changing a case: its details and its place in the lifecycle. Every change needs the ETag in If-Match. */
@RestController
@RequestMapping("/api/v1/cases/{id}")
@Validated
class CaseLifecycleController {

    private final CaseGuard guard;
    private final AuditTrail audit;
    private final Clock clock;

    CaseLifecycleController(CaseGuard guard, AuditTrail audit, Clock clock) {
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    record UpdateCaseRequest(@Size(min = 1, max = 200) String title, @Size(max = 4000) String summary,
            @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a user id") String leadOfficer,
            @Size(max = 100) @Pattern(regexp = "[A-Z0-9_]+", message = "must be a team code") String team,
            LocalDate nextReviewDate) {
    }

    record CloseRequest(@NotNull CaseOutcome outcome, @NotBlank @Size(max = 4000) String summary) {
    }

    record ReopenRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Change a case's details (title, summary, lead officer, team, next review date)")
    @PatchMapping
    ResponseEntity<CaseView> update(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody UpdateCaseRequest request, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(id, user, AccessLevel.CONTRIBUTE, ifMatch, "UPDATE", c -> {
            if (request.team() != null && !user.teams().contains(request.team())
                    && !request.team().equals(c.team())) {
                throw DomainException.invalid("You can only put a case in one of your own teams: " + user.teams());
            }
            c.update(actor(user), new CaseDetails(request.title(), request.summary(), request.leadOfficer(), request.team(),
                    request.nextReviewDate()), clock.instant());
        });
    }

    @Operation(summary = "Accept a referral: the case becomes open")
    @PostMapping("/accept")
    ResponseEntity<CaseView> accept(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(id, user, AccessLevel.MANAGE, ifMatch, "ACCEPT", c -> c.accept(actor(user), clock.instant()));
    }

    @Operation(summary = "Put an open case under review")
    @PostMapping("/review")
    ResponseEntity<CaseView> review(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(id, user, AccessLevel.CONTRIBUTE, ifMatch, "START_REVIEW", c -> c.startReview(actor(user), clock.instant()));
    }

    @Operation(summary = "End a case's review: it is open again")
    @PostMapping("/end-review")
    ResponseEntity<CaseView> endReview(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(id, user, AccessLevel.CONTRIBUTE, ifMatch, "END_REVIEW", c -> c.endReview(actor(user), clock.instant()));
    }

    @Operation(summary = "Close a case with an outcome and a summary")
    @PostMapping("/close")
    ResponseEntity<CaseView> close(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody CloseRequest request, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(id, user, AccessLevel.MANAGE, ifMatch, "CLOSE",
                c -> c.close(actor(user), request.outcome(), request.summary(), clock.instant()));
    }

    @Operation(summary = "Reopen a closed case, giving the reason")
    @PostMapping("/reopen")
    ResponseEntity<CaseView> reopen(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody ReopenRequest request, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(id, user, AccessLevel.MANAGE, ifMatch, "REOPEN",
                c -> c.reopen(actor(user), request.reason(), clock.instant()));
    }

    private ResponseEntity<CaseView> change(String id, CurrentUser user, AccessLevel needed, String ifMatch, String action,
            java.util.function.Consumer<Case> command) {
        Case c = guard.loadForChange(id, user, needed, ifMatch);
        long expected = c.version();
        command.accept(c);
        if (c.version() != expected) {
            Map<String, Object> changes = c.newEvents().stream().filter(CaseUpdated.class::isInstance)
                    .map(e -> (Map<String, Object>) (Map<String, ?>) ((CaseUpdated) e).changes()).findFirst()
                    .orElse(Map.of("status", Map.of("after", c.status().name())));
            guard.save(c, expected, audit.entry(user, action, "case", id, null, null, changes));
        }
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(CaseView.of(c));
    }

    private static Actor actor(CurrentUser user) {
        return new Actor(user.id(), user.organisation());
    }
}
