package org.casebridge.sharing.access.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.casebridge.sharing.access.domain.Share;
import org.casebridge.sharing.access.store.MongoCaseAccess;
import org.casebridge.sharing.directory.domain.DirectoryEntry;
import org.casebridge.sharing.directory.store.MongoDirectory;
import org.casebridge.sharing.partnership.domain.Partnership;
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

    private final MongoCaseAccess access;
    private final Partnership partnership;
    private final AuditTrail audit;
    private final Clock clock;
    private final MongoDirectory directory;

    CaseAccessController(MongoCaseAccess access, Partnership partnership, AuditTrail audit, Clock clock,
            MongoDirectory directory) {
        this.directory = directory;
        this.access = access;
        this.partnership = partnership;
        this.audit = audit;
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
        CaseAccess found = visible(caseId, user);
        return ResponseEntity.ok().eTag(ETags.of(found.version()))
                .body(new AccessView(found.decision(clock.instant()), found.shares(), found.review()));
    }

    @Operation(summary = "Share a case you manage with an organisation, a team or a named user",
            description = "Refused with the reason when no active agreement covers the case type between the organisations, "
                    + "or when a restricted case would go to anyone but a named user.")
    @PostMapping("/api/v1/sharing/cases/{caseId}/shares")
    ResponseEntity<Share> share(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String caseId,
            @Valid @RequestBody NewShare request, CurrentUser user) {
        String shareId = new ObjectId().toHexString();
        String recipientOrganisation = request.kind() == PrincipalKind.USER ? organisationOfUser(request)
                : request.organisation(); // an organisation's or team's own is in the partnership; CaseAccess compares
        Share share = access.change(caseId, c -> c.share(user.principals(), user.id(), shareId, new CaseAccess.ShareRequest(
                request.kind(), request.principal(), recipientOrganisation, request.level(), request.reason(),
                request.expiresAt(), request.consent(), request.lawfulBasis(), request.consentUntil()), partnership, clock.instant()),
                made -> audit.entry(user, "SHARE", "case", caseId, "manage", null, Map.of("share",
                        Map.of("after", made.principalKey() + " " + made.level() + " under " + made.agreement()))));
        return ResponseEntity.created(URI.create("/api/v1/sharing/cases/" + caseId + "/shares/" + shareId)).body(share);
    }

    /**
     * A named user's organisation is the directory's (from their own token when they used CaseBridge), never what the
     * sharer typed: naming the owner's organisation would otherwise skip the sharing agreement.
     */
    private String organisationOfUser(NewShare request) {
        DirectoryEntry entry = directory.find("user:" + request.principal()).filter(DirectoryEntry::active)
                .orElseThrow(() -> DomainException.invalid("No active user " + request.principal()
                        + " in the partnership directory (a user is listed once they have signed in to CaseBridge)."));
        if (request.organisation() != null && !request.organisation().equals(entry.organisation())) {
            throw DomainException.invalid("User " + request.principal() + " does not belong to " + request.organisation()
                    + "; leave the organisation out, it is taken from the directory.");
        }
        return entry.organisation();
    }

    @Operation(summary = "Confirm the case's shares after a review (its managers)",
            description = "A change of lead agency or a lapsed consent puts the shares up for review; revoke what should "
                    + "go, then confirm the rest.")
    @PostMapping("/api/v1/sharing/cases/{caseId}/shares/review")
    ResponseEntity<AccessView> confirmShares(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String caseId,
            CurrentUser user) {
        CaseAccess reviewed = access.change(caseId, c -> {
            c.confirmShares(user.principals(), clock.instant());
            return c;
        }, c -> audit.entry(user, "CONFIRM_SHARES", "case", caseId, "manage", null, null));
        return ResponseEntity.ok(new AccessView(reviewed.decision(clock.instant()), reviewed.shares(), reviewed.review()));
    }

    record Awaiting(String caseId, String caseType, CaseAccess.Review review, int shares) {
    }

    @Operation(summary = "Your organisation's cases whose shares wait for review")
    @GetMapping("/api/v1/sharing/reviews")
    List<Awaiting> awaitingReview(CurrentUser user) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation.");
        }
        return access.awaitingReview(user.organisation()).stream()
                .filter(c -> c.levelOf(user.principals(), clock.instant()).filter(l -> l == AccessLevel.MANAGE).isPresent())
                .map(c -> new Awaiting(c.caseId(), c.caseType(), c.review(), c.shares().size())).toList();
    }

    @Operation(summary = "Revoke a share")
    @DeleteMapping("/api/v1/sharing/cases/{caseId}/shares/{shareId}")
    ResponseEntity<Void> revoke(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String caseId,
            @PathVariable @Size(max = 40) String shareId, CurrentUser user) {
        access.change(caseId, c -> {
            c.revoke(user.principals(), shareId, clock.instant());
            return null;
        }, none -> audit.entry(user, "REVOKE_SHARE", "case", caseId, "manage", null,
                Map.of("share", Map.of("before", shareId))));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Why you can (or cannot) see a case")
    @GetMapping("/api/v1/access/explain")
    Map<String, Object> explain(@RequestParam("case") @Pattern(regexp = "[0-9a-f]{24}") String caseId, CurrentUser user) {
        CaseAccess found = access.find(caseId).orElse(null);
        List<String> reasons = found == null ? List.of()
                : found.explain(user.principals(), user.organisation(), clock.instant());
        return Map.of("case", caseId, "allowed", !reasons.isEmpty(), "reasons",
                reasons.isEmpty() ? List.of("Nothing gives you access to this case. Ask its owner for access.") : reasons);
    }

    @Operation(summary = "Whether you may VIEW, CONTRIBUTE to or MANAGE a case")
    @GetMapping("/api/v1/access/check")
    Map<String, Object> check(@RequestParam("case") @Pattern(regexp = "[0-9a-f]{24}") String caseId,
            @RequestParam AccessLevel action, CurrentUser user) {
        boolean allowed = access.find(caseId).flatMap(c -> c.levelOf(user.principals(), clock.instant()))
                .map(level -> level.compareTo(action) >= 0).orElse(false);
        return Map.of("case", caseId, "action", action, "allowed", allowed);
    }

    private CaseAccess visible(String caseId, CurrentUser user) {
        return access.find(caseId).filter(a -> a.levelOf(user.principals(), clock.instant()).isPresent())
                .orElseThrow(() -> DomainException.notFound("Case " + caseId));
    }
}
