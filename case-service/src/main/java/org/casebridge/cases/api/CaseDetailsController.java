package org.casebridge.cases.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.casebridge.cases.app.CaseCommands;
import org.casebridge.cases.app.CaseQueries;
import org.casebridge.cases.domain.CaseReviewFlag;
import org.casebridge.cases.domain.Intervention;
import org.casebridge.cases.domain.Link;
import org.casebridge.cases.domain.RiskAssessment;
import org.casebridge.cases.domain.RiskMatrix;
import org.casebridge.platform.aggregate.Expectation;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a case is about: the people, places and other cases linked to it, the victim's risk assessments and the
 * interventions taken. Additions accept an optional If-Match; without one a concurrent change is retried.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Validated
class CaseDetailsController {

    private final CaseCommands commands;
    private final CaseQueries queries;

    CaseDetailsController(CaseCommands commands, CaseQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record NewLink(@NotNull Link.Target target, @NotBlank @Pattern(regexp = "[0-9a-f]{24}") String targetId,
            @Size(max = 40) String role) {
    }

    record NewAssessment(@NotNull Map<String, Integer> answers) {
    }

    record NewIntervention(@NotNull Intervention.Type type, @NotNull Intervention.Status status, LocalDate startDate,
            LocalDate endDate, @Size(max = 4000) String notes) {
    }

    record InterventionChange(Intervention.Status status, LocalDate endDate, @Size(max = 4000) String notes) {
    }

    record Details(List<Link> links, List<RiskAssessment> riskAssessments, String riskBand, List<Intervention> interventions,
            List<CaseReviewFlag> caseReviewFlags) {
    }

    @Operation(summary = "The questions of the victim risk assessment, each scored 0 (not at all) to 3 (very much)")
    @GetMapping("/risk-matrix")
    List<RiskMatrix.Question> riskMatrix() {
        return RiskMatrix.QUESTIONS;
    }

    @Operation(summary = "Links, risk assessments and interventions of a case you may see")
    @GetMapping("/{id}/details")
    Details details(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = "X-Purpose", required = false) @Size(max = 500) String purpose) {
        var c = queries.details(id, user, purpose);
        return new Details(c.links(), c.riskAssessments(), c.currentRiskBand() == null ? null : c.currentRiskBand().name(),
                c.interventions(), c.caseReviewFlags());
    }

    @Operation(summary = "Link a person, a location or another case, with a role (a person twice in one role is refused)")
    @PostMapping("/{id}/links")
    ResponseEntity<Link> link(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, @Valid @RequestBody NewLink request,
            CurrentUser user, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var applied = commands.link(id, user, Expectation.ifMatchIfGiven(ifMatch), request.target(), request.targetId(),
                request.role());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/details"))
                .eTag(ETags.of(applied.after().version())).body(applied.result());
    }

    @Operation(summary = "Remove a link")
    @DeleteMapping("/{id}/links/{target}/{targetId}")
    ResponseEntity<Void> unlink(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, @PathVariable Link.Target target,
            @PathVariable @Pattern(regexp = "[0-9a-f]{24}") String targetId,
            @RequestParam @NotBlank @Size(max = 40) String role, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var applied = commands.unlink(id, user, Expectation.ifMatchIfGiven(ifMatch), target, targetId, role);
        return ResponseEntity.noContent().eTag(ETags.of(applied.after().version())).build();
    }

    @Operation(summary = "Record a victim risk assessment; the newest gives the case's band")
    @PostMapping("/{id}/risk-assessments")
    ResponseEntity<RiskAssessment> assess(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody NewAssessment request, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var applied = commands.assessRisk(id, user, Expectation.ifMatchIfGiven(ifMatch), request.answers());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/details"))
                .eTag(ETags.of(applied.after().version())).body(applied.result());
    }

    @Operation(summary = "Record an intervention or enforcement action")
    @PostMapping("/{id}/interventions")
    ResponseEntity<Intervention> intervene(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody NewIntervention request, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var applied = commands.recordIntervention(id, user, Expectation.ifMatchIfGiven(ifMatch), request.type(),
                request.status(), request.startDate(), request.endDate(), request.notes());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/details"))
                .eTag(ETags.of(applied.after().version())).body(applied.result());
    }

    @Operation(summary = "Move an intervention on (status, end date, notes); needs the case's ETag")
    @PatchMapping("/{id}/interventions/{interventionId}")
    ResponseEntity<Intervention> changeIntervention(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @PathVariable @Pattern(regexp = "[0-9a-f]{24}") String interventionId,
            @Valid @RequestBody InterventionChange request, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var applied = commands.updateIntervention(id, user, Expectation.ifMatch(ifMatch), interventionId,
                request.status(), request.endDate(), request.notes());
        return ResponseEntity.ok().eTag(ETags.of(applied.after().version())).body(applied.result());
    }
}
