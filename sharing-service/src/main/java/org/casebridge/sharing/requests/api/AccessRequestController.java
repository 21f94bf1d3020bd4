package org.casebridge.sharing.requests.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.casebridge.sharing.access.domain.Share;
import org.casebridge.sharing.access.store.MongoCaseAccess;
import org.casebridge.sharing.partnership.domain.Partnership;
import org.casebridge.sharing.requests.domain.AccessRequest;
import org.casebridge.sharing.requests.store.MongoAccessRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Asking for access to a case, and the owner's managers answering. */
@RestController
@RequestMapping("/api/v1/sharing/access-requests")
@Validated
class AccessRequestController {

    private final MongoAccessRequests requests;
    private final MongoCaseAccess access;
    private final Partnership partnership;
    private final AuditTrail audit;
    private final Clock clock;
    private final int perUser;
    private final Duration window;

    AccessRequestController(MongoAccessRequests requests, MongoCaseAccess access, Partnership partnership, AuditTrail audit,
            Clock clock, @Value("${casebridge.access-requests.per-user}") int perUser,
            @Value("${casebridge.access-requests.window}") Duration window) {
        this.requests = requests;
        this.access = access;
        this.partnership = partnership;
        this.audit = audit;
        this.clock = clock;
        this.perUser = perUser;
        this.window = window;
    }

    record NewRequest(@NotBlank @Pattern(regexp = "[0-9a-f]{24}") String caseId, @NotBlank @Size(max = 2000) String reason) {
    }

    record Approval(AccessLevel level, Instant expiresAt) {
    }

    record Decline(@NotBlank @Size(max = 2000) String reason) {
    }

    /**
     * What the requester sees of their request: nothing about the case until its owner answers (then the owner
     * organisation), so asking about an id tells them nothing they could not see already.
     */
    record MyRequestView(String id, String caseId, String reason, Instant requestedAt, String status,
            String ownerOrganisation, String decisionReason, Instant decidedAt, String level, Instant expiresAt) {
        static MyRequestView of(AccessRequest r) {
            boolean decided = r.status() != AccessRequest.Status.PENDING;
            return new MyRequestView(r.id(), r.caseId(), r.reason(), r.requestedAt(), r.status().name(),
                    decided ? r.ownerOrganisation() : null, r.decisionReason(), r.decidedAt(),
                    r.level() == null ? null : r.level().name(), r.expiresAt());
        }
    }

    /** @param reason shown to the owner's managers and the requester only */
    record RequestView(String id, String caseId, String caseType, String ownerOrganisation, String requestedBy,
            String requesterOrganisation, String reason, Instant requestedAt, String status, String decidedBy,
            String decisionReason, Instant decidedAt, String level, Instant expiresAt, long version) {
        static RequestView of(AccessRequest r) {
            return new RequestView(r.id(), r.caseId(), r.caseType(), r.ownerOrganisation(), r.requestedBy(),
                    r.requesterOrganisation(), r.reason(), r.requestedAt(), r.status().name(), r.decidedBy(),
                    r.decisionReason(), r.decidedAt(), r.level() == null ? null : r.level().name(), r.expiresAt(), r.version());
        }
    }

    @Operation(summary = "Ask for access to a case you cannot see",
            description = "Always 202 with the request's id and PENDING, whether or not the id names a case, so asking "
                    + "tells you nothing about cases you cannot see. For a real case the owner's supervisors are told "
                    + "(without your reason) and approve or decline; you hear which. At most a few requests per user per "
                    + "window (429 with Retry-After).")
    @PostMapping
    ResponseEntity<MyRequestView> ask(@Valid @RequestBody NewRequest body, CurrentUser user) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation.");
        }
        Instant now = clock.instant();
        List<Instant> recent = requests.madeSince(user.id(), now.minus(window));
        if (recent.size() >= perUser) {
            // counted in MongoDB, so every instance and a restart agree; free again when the oldest leaves the window
            throw new TooManyRequests(perUser, window, Duration.between(now, recent.get(recent.size() - perUser).plus(window)));
        }
        // asked twice: the same 409 whether or not a case is behind it (the first request is kept either way)
        if (requests.pendingFor(body.caseId(), user.id())) {
            throw DomainException.conflict("You already asked for access to this case; wait for the answer.");
        }
        var found = access.find(body.caseId());
        AccessRequest request = found.isPresent()
                ? AccessRequest.ask(requests.newId(), body.caseId(), found.get().caseType(),
                        found.get().ownerOrganisation(), user.id(), user.organisation(), body.reason(),
                        found.get().levelOf(user.principals(), now).isPresent(), now)
                : AccessRequest.askAboutNoKnownCase(requests.newId(), body.caseId(), user.id(), user.organisation(),
                        body.reason(), now);
        requests.insert(request, audit.entry(user, "REQUEST_ACCESS", "case", body.caseId(), "requester", body.reason(),
                null));
        return ResponseEntity.accepted().location(URI.create("/api/v1/sharing/access-requests/" + request.id()))
                .body(MyRequestView.of(request));
    }

    @Operation(summary = "Requests about your organisation's cases (its managers), newest first")
    @GetMapping
    List<RequestView> toMyOrganisation(CurrentUser user, @RequestParam(required = false) AccessRequest.Status status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation.");
        }
        return requests.toOrganisation(user.organisation(), status, limit).stream()
                .filter(r -> access.find(r.caseId()).flatMap(c -> c.levelOf(user.principals(), clock.instant()))
                        .filter(level -> level == AccessLevel.MANAGE).isPresent())
                .map(RequestView::of).toList();
    }

    @Operation(summary = "Your own requests and their answers, newest first")
    @GetMapping("/mine")
    List<MyRequestView> mine(CurrentUser user, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return requests.by(user.id(), limit).stream().map(MyRequestView::of).toList();
    }

    @Operation(summary = "Approve: the requester gets a share of their own, which expires (90 days unless you say)",
            description = "Only someone who manages the case; the share follows the sharing agreements like any other.")
    @PostMapping("/{id}/approve")
    RequestView approve(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, @RequestBody Approval body,
            CurrentUser user) {
        AccessRequest request = decidable(id, user);
        request.requirePending();
        long expected = request.version();
        Instant now = clock.instant();
        Instant until = AccessRequest.termEnding(body.expiresAt(), now);
        AccessLevel level = body.level() == null ? AccessLevel.VIEW : body.level();
        String shareId = new ObjectId().toHexString();
        Share share = access.change(request.caseId(), c -> c.share(user.principals(), user.id(), shareId,
                new CaseAccess.ShareRequest(PrincipalKind.USER, request.requestedBy(), request.requesterOrganisation(), level,
                        "Access request: " + request.reason(), until, Share.Consent.NOT_NEEDED, null), partnership, now),
                // the record of approving rides with the share it makes: the access given is never stored without it
                made -> audit.entry(user, "APPROVE_ACCESS", "case", request.caseId(), "manage", null,
                        Map.of("share", Map.of("after", request.requestedBy() + " " + level + " until " + until))));
        request.approve(share.id(), level, until, user.id(), now);
        if (!requests.update(request, expected)) {
            throw DomainException.conflict("Someone else answered this request meanwhile.");
        }
        return RequestView.of(request);
    }

    @Operation(summary = "Decline, with a reason the requester will see")
    @PostMapping("/{id}/decline")
    RequestView decline(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, @Valid @RequestBody Decline body,
            CurrentUser user) {
        AccessRequest request = decidable(id, user);
        long expected = request.version();
        request.decline(body.reason(), user.id(), clock.instant());
        if (!requests.update(request, expected, audit.entry(user, "DECLINE_ACCESS", "case", request.caseId(), "manage",
                body.reason(), null))) {
            throw DomainException.conflict("Someone else answered this request meanwhile.");
        }
        return RequestView.of(request);
    }

    /** Only the case's managers answer a request; to anyone else it does not exist. */
    private AccessRequest decidable(String id, CurrentUser user) {
        AccessRequest request = requests.find(id).orElseThrow(() -> DomainException.notFound("Access request " + id));
        boolean manages = access.find(request.caseId()).flatMap(c -> c.levelOf(user.principals(), clock.instant()))
                .filter(level -> level == AccessLevel.MANAGE).isPresent();
        if (!manages) {
            throw DomainException.notFound("Access request " + id);
        }
        return request;
    }
}
