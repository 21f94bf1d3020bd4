package org.casebridge.sharing.access.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.casebridge.sharing.access.app.CaseAccessCommands;
import org.casebridge.sharing.access.app.CaseAccessQueries;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.casebridge.sharing.access.domain.Share;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Who may see a case, sharing it with partners, and why a caller can or cannot see it. */
@RestController
@Validated
class CaseAccessController {

    private final CaseAccessCommands commands;
    private final CaseAccessQueries queries;
    private final Clock clock;

    CaseAccessController(CaseAccessCommands commands, CaseAccessQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** @param organisation optional: if given it must be the recipient's own (from the directory), else 422 */
    record NewShare(@NotNull PrincipalKind kind, @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String principal,
            @Pattern(regexp = "[A-Z0-9_]{2,40}") String organisation, @NotNull AccessLevel level,
            @NotBlank @Size(max = 2000) String reason, Instant expiresAt, Share.Consent consent,
            @Size(max = 500) String lawfulBasis, Instant consentUntil) {
    }

    record AccessView(CaseAccessChanged decision, List<Share> shares, CaseAccess.Review review) {
    }

    @Operation(summary = "Who may see and do what on a case you can see")
    @GetMapping("/api/v1/sharing/cases/{caseId}/access")
    ResponseEntity<AccessView> effectiveAccess(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String caseId,
            CurrentUser user) {
        CaseAccess found = queries.visible(caseId, user);
        return ResponseEntity.ok().eTag(ETags.of(found.version()))
                .body(new AccessView(found.decision(clock.instant()), found.shares(), found.review()));
    }

    @Operation(summary = "Share a case you manage with an organisation, a team or a named user",
            description = "Refused with the reason when no active agreement covers the case type between the organisations, "
                    + "or when a restricted case would go to anyone but a named user.")
    @PostMapping("/api/v1/sharing/cases/{caseId}/shares")
    ResponseEntity<Share> share(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String caseId,
            @Valid @RequestBody NewShare request, CurrentUser user) {
        Share share = commands.share(caseId, new CaseAccess.ShareRequest(request.kind(), request.principal(),
                request.organisation(), request.level(), request.reason(), request.expiresAt(), request.consent(),
                request.lawfulBasis(), request.consentUntil()), user);
        return ResponseEntity.created(URI.create("/api/v1/sharing/cases/" + caseId + "/shares/" + share.id())).body(share);
    }

    @Operation(summary = "Confirm the case's shares after a review (its managers)",
            description = "A change of lead agency or a lapsed consent puts the shares up for review; revoke what should "
                    + "go, then confirm the rest.")
    @PostMapping("/api/v1/sharing/cases/{caseId}/shares/review")
    ResponseEntity<AccessView> confirmShares(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String caseId,
            CurrentUser user) {
        CaseAccess reviewed = commands.confirmShares(caseId, user);
        return ResponseEntity.ok(new AccessView(reviewed.decision(clock.instant()), reviewed.shares(), reviewed.review()));
    }

    record Awaiting(String caseId, String caseType, CaseAccess.Review review, int shares) {
    }

    @Operation(summary = "Your organisation's cases whose shares wait for review")
    @GetMapping("/api/v1/sharing/reviews")
    List<Awaiting> awaitingReview(CurrentUser user) {
        return queries.awaitingReview(user).stream().map(c -> new Awaiting(c.caseId(), c.caseType(), c.review(), c.shares().size())).toList();
    }

    @Operation(summary = "Revoke a share")
    @DeleteMapping("/api/v1/sharing/cases/{caseId}/shares/{shareId}")
    ResponseEntity<Void> revoke(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String caseId,
            @PathVariable @Size(max = 40) String shareId, CurrentUser user) {
        commands.revoke(caseId, shareId, user);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Why you can (or cannot) see a case")
    @GetMapping("/api/v1/access/explain")
    Map<String, Object> explain(@RequestParam("case") @Pattern(regexp = "[0-9a-f]{24}") String caseId, CurrentUser user) {
        List<String> reasons = queries.explain(caseId, user);
        return Map.of("case", caseId, "allowed", !reasons.isEmpty(), "reasons",
                reasons.isEmpty() ? List.of("Nothing gives you access to this case. Ask its owner for access.") : reasons);
    }

    @Operation(summary = "Whether you may VIEW, CONTRIBUTE to or MANAGE a case")
    @GetMapping("/api/v1/access/check")
    Map<String, Object> check(@RequestParam("case") @Pattern(regexp = "[0-9a-f]{24}") String caseId,
            @RequestParam AccessLevel action, CurrentUser user) {
        boolean allowed = queries.levelOf(caseId, user)
                .map(level -> level.compareTo(action) >= 0).orElse(false);
        return Map.of("case", caseId, "action", action, "allowed", allowed);
    }
}
