package org.casebridge.cases.api;

import java.time.LocalDate;

import org.casebridge.cases.app.CaseCommands;
import org.casebridge.cases.domain.Case;
import org.casebridge.cases.domain.CaseDetails;
import org.casebridge.cases.domain.CaseOutcome;
import org.casebridge.platform.aggregate.Expectation;
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

    private final CaseCommands commands;

    CaseLifecycleController(CaseCommands commands) {
        this.commands = commands;
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
        return changed(commands.update(id, user, Expectation.ifMatch(ifMatch), new CaseDetails(request.title(),
                request.summary(), request.leadOfficer(), request.team(), request.nextReviewDate())));
    }

    @Operation(summary = "Accept a referral: the case becomes open")
    @PostMapping("/accept")
    ResponseEntity<CaseView> accept(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changed(commands.accept(id, user, Expectation.ifMatch(ifMatch)));
    }

    @Operation(summary = "Put an open case under review")
    @PostMapping("/review")
    ResponseEntity<CaseView> review(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changed(commands.startReview(id, user, Expectation.ifMatch(ifMatch)));
    }

    @Operation(summary = "End a case's review: it is open again")
    @PostMapping("/end-review")
    ResponseEntity<CaseView> endReview(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changed(commands.endReview(id, user, Expectation.ifMatch(ifMatch)));
    }

    @Operation(summary = "Close a case with an outcome and a summary")
    @PostMapping("/close")
    ResponseEntity<CaseView> close(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody CloseRequest request, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changed(commands.close(id, user, Expectation.ifMatch(ifMatch), request.outcome(), request.summary()));
    }

    @Operation(summary = "Reopen a closed case, giving the reason")
    @PostMapping("/reopen")
    ResponseEntity<CaseView> reopen(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody ReopenRequest request, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changed(commands.reopen(id, user, Expectation.ifMatch(ifMatch), request.reason()));
    }

    private static ResponseEntity<CaseView> changed(Case c) {
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(CaseView.of(c));
    }
}
