package org.casebridge.cases.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.casebridge.cases.domain.Actor;
import org.casebridge.cases.domain.AsbCaseReview;
import org.casebridge.cases.domain.CaseReviewFlag;
import org.casebridge.cases.domain.Intervention;
import org.casebridge.cases.domain.Link;
import org.casebridge.cases.domain.RiskAssessment;
import org.casebridge.cases.domain.RiskMatrix;
import org.casebridge.cases.parties.PartyDirectory;
import org.casebridge.cases.store.MongoCases;
import org.casebridge.cases.store.MongoCases.VisibleCase;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
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

    private final CaseGuard guard;
    private final MongoCases cases;
    private final AsbCaseReview caseReview;
    private final AuditTrail audit;
    private final Clock clock;
    private final PartyDirectory parties;

    CaseDetailsController(CaseGuard guard, MongoCases cases, AsbCaseReview caseReview, AuditTrail audit, Clock clock,
            PartyDirectory parties) {
        this.guard = guard;
        this.cases = cases;
        this.caseReview = caseReview;
        this.audit = audit;
        this.clock = clock;
        this.parties = parties;
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
        VisibleCase found = guard.load(id, user, AccessLevel.VIEW);
        audit.record(user, "READ_DETAILS", "case", id, CaseGuard.grantedBy(found, user), purpose, null);
        var c = found.value();
        return new Details(c.links(), c.riskAssessments(), c.currentRiskBand() == null ? null : c.currentRiskBand().name(),
                c.interventions(), c.caseReviewFlags());
    }

    @Operation(summary = "Link a person, a location or another case, with a role (a person twice in one role is refused)")
    @PostMapping("/{id}/links")
    ResponseEntity<Link> link(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, @Valid @RequestBody NewLink request,
            CurrentUser user, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        // you can only link what you can see: a case here, a person or location in party-service; one you cannot see is
        // answered as if it did not exist (the case first, so a case you may only view is a 403 whatever the target)
        guard.load(id, user, AccessLevel.CONTRIBUTE);
        if (request.target() == Link.Target.CASE) {
            guard.load(request.targetId(), user, AccessLevel.VIEW);
        } else if (!parties.visibleToCaller(request.target(), request.targetId())) {
            throw DomainException.notFound((request.target() == Link.Target.PERSON ? "Person " : "Location ")
                    + request.targetId());
        }
        Instant now = clock.instant();
        boolean complaint = request.target() == Link.Target.PERSON
                && ("VICTIM".equals(request.role()) || "COMPLAINANT".equals(request.role()));
        long earlierComplaints = complaint ? cases.countComplaints(request.targetId(), caseReview.windowStart(now), id) : 0;
        var applied = guard.add(id, user, AccessLevel.CONTRIBUTE, ifMatch, c -> complaint
                ? c.linkComplainant(actor(user), request.targetId(), request.role(), earlierComplaints, caseReview, now)
                : c.link(actor(user), request.target(), request.targetId(), request.role(), now),
                link -> audit.entry(user, "LINK", "case", id, null, null,
                        Map.of(request.target().name().toLowerCase(), Map.of("after", request.targetId() + " as " + link.role()))));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/details"))
                .eTag(ETags.of(applied.after().version())).body(applied.result());
    }

    @Operation(summary = "Remove a link")
    @DeleteMapping("/{id}/links/{target}/{targetId}")
    ResponseEntity<Void> unlink(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, @PathVariable Link.Target target,
            @PathVariable @Pattern(regexp = "[0-9a-f]{24}") String targetId,
            @RequestParam @NotBlank @Size(max = 40) String role, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var applied = guard.add(id, user, AccessLevel.CONTRIBUTE, ifMatch, c -> {
            c.unlink(actor(user), target, targetId, role, clock.instant());
            return null;
        }, none -> audit.entry(user, "UNLINK", "case", id, null, null,
                Map.of(target.name().toLowerCase(), Map.of("before", targetId + " as " + role))));
        return ResponseEntity.noContent().eTag(ETags.of(applied.after().version())).build();
    }

    @Operation(summary = "Record a victim risk assessment; the newest gives the case's band")
    @PostMapping("/{id}/risk-assessments")
    ResponseEntity<RiskAssessment> assess(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody NewAssessment request, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String assessmentId = new ObjectId().toHexString();
        var applied = guard.add(id, user, AccessLevel.CONTRIBUTE, ifMatch,
                c -> c.assessRisk(actor(user), assessmentId, request.answers(), clock.instant()),
                assessment -> audit.entry(user, "ASSESS_RISK", "case", id, null, null,
                        Map.of("riskBand", Map.of("after", assessment.band().name()))));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/details"))
                .eTag(ETags.of(applied.after().version())).body(applied.result());
    }

    @Operation(summary = "Record an intervention or enforcement action")
    @PostMapping("/{id}/interventions")
    ResponseEntity<Intervention> intervene(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody NewIntervention request, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String interventionId = new ObjectId().toHexString();
        var applied = guard.add(id, user, AccessLevel.CONTRIBUTE, ifMatch, c -> c.recordIntervention(actor(user),
                interventionId, request.type(), request.status(), request.startDate(), request.endDate(), request.notes(),
                clock.instant()), recorded -> audit.entry(user, "RECORD_INTERVENTION", "case", id, null, null,
                        Map.of("intervention", Map.of("after", request.type() + " " + request.status()))));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/details"))
                .eTag(ETags.of(applied.after().version())).body(applied.result());
    }

    @Operation(summary = "Move an intervention on (status, end date, notes); needs the case's ETag")
    @PatchMapping("/{id}/interventions/{interventionId}")
    ResponseEntity<Intervention> changeIntervention(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @PathVariable @Pattern(regexp = "[0-9a-f]{24}") String interventionId,
            @Valid @RequestBody InterventionChange request, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ETags.requireIfMatch(ifMatch);
        var applied = guard.add(id, user, AccessLevel.CONTRIBUTE, ifMatch, c -> c.updateIntervention(actor(user),
                interventionId, request.status(), request.endDate(), request.notes(), clock.instant()),
                updated -> audit.entry(user, "UPDATE_INTERVENTION", "case", id, null, null,
                        Map.of("intervention", Map.of("after", updated.type() + " " + updated.status()))));
        return ResponseEntity.ok().eTag(ETags.of(applied.after().version())).body(applied.result());
    }

    private static Actor actor(CurrentUser user) {
        return new Actor(user.id(), user.organisation());
    }
}
