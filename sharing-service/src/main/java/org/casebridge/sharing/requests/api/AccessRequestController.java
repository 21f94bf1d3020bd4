package org.casebridge.sharing.requests.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.requests.app.AccessRequestDecisions;
import org.casebridge.sharing.requests.app.AccessRequests;
import org.casebridge.sharing.requests.domain.AccessRequest;
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

/**
 * Asking for access to a case (by id or by its reference) or to what another organisation knows of a person, and that
 * organisation's managers answering.
 */
@RestController
@RequestMapping("/api/v1/sharing/access-requests")
@Validated
class AccessRequestController {

    private static final String ID = "[0-9a-f]{24}";

    private final AccessRequests requests;
    private final AccessRequestDecisions decisions;

    AccessRequestController(AccessRequests requests, AccessRequestDecisions decisions) {
        this.requests = requests;
        this.decisions = decisions;
    }

    /**
     * One of: {@code caseId}; {@code reference}; {@code personId} with the {@code organisation} that knows the person.
     */
    record NewRequest(@Pattern(regexp = ID) String caseId, @Pattern(regexp = "[A-Z]{2,5}-[0-9]{4}-[0-9]{6}") String reference,
            @Pattern(regexp = ID) String personId, @Pattern(regexp = "[A-Z0-9_]{2,40}") String organisation,
            @NotBlank @Size(max = 2000) String reason) {
    }

    /** For a case: the share's level and end. For a person: {@code message}, what the requester should do next. */
    record Approval(AccessLevel level, Instant expiresAt, @Size(max = 2000) String message) {
    }

    record Decline(@NotBlank @Size(max = 2000) String reason) {
    }

    /**
     * What the requester sees of their request: nothing about the case until its owner answers (then the owner
     * organisation), so asking about an id tells them nothing they could not see already.
     */
    record MyRequestView(String id, String subject, String caseId, String reference, String personId, String reason,
            Instant requestedAt, String status, String ownerOrganisation, String decisionReason, Instant decidedAt,
            String level, Instant expiresAt, String contact, String message) {
        static MyRequestView of(AccessRequest r) {
            boolean person = r.subject() == AccessRequest.Subject.PERSON;
            boolean decided = r.status() != AccessRequest.Status.PENDING;
            // a reference is resolved to its case for the requester only once they may see it
            return new MyRequestView(r.id(), r.subject().name(), r.caseIdShownToRequester() ? r.caseId() : null,
                    r.reference(), r.personId(), r.reason(), r.requestedAt(), r.status().name(),
                    decided || person ? r.ownerOrganisation() : null, r.decisionReason(), r.decidedAt(),
                    r.level() == null ? null : r.level().name(), r.expiresAt(), r.contact(), r.message());
        }
    }

    /** @param reason shown to the owner's managers and the requester only */
    record RequestView(String id, String subject, String caseId, String reference, String personId, String caseType,
            String ownerOrganisation, String requestedBy, String requesterOrganisation, String reason, Instant requestedAt,
            String status, String decidedBy, String decisionReason, Instant decidedAt, String level, Instant expiresAt,
            String contact, String message, long version) {
        static RequestView of(AccessRequest r) {
            return new RequestView(r.id(), r.subject().name(), r.caseId(), r.reference(), r.personId(), r.caseType(),
                    r.ownerOrganisation(), r.requestedBy(), r.requesterOrganisation(), r.reason(), r.requestedAt(),
                    r.status().name(), r.decidedBy(), r.decisionReason(), r.decidedAt(),
                    r.level() == null ? null : r.level().name(), r.expiresAt(), r.contact(), r.message(), r.version());
        }
    }

    @Operation(summary = "Ask for access to a case you cannot see, or to what another organisation knows of a person",
            description = "Name the case by caseId or by reference, or name a person you can see by personId with the "
                    + "organisation that knows them. Always 202 with the request's id and PENDING, whether or not the id or "
                    + "reference names a case, so asking tells you nothing about cases you cannot see (a reference's case id "
                    + "is shown to you only once approved). For a real case the owner's supervisors are told (without your "
                    + "reason) and approve or decline; you hear which. A person request waits in that organisation's "
                    + "managers' list. At most a few requests per user per window (429 with Retry-After).")
    @PostMapping
    ResponseEntity<MyRequestView> ask(@Valid @RequestBody NewRequest body, CurrentUser user) {
        AccessRequest request = requests.ask(new AccessRequests.Asked(body.caseId(), body.reference(), body.personId(),
                body.organisation(), body.reason()), user);
        return ResponseEntity.accepted().location(URI.create("/api/v1/sharing/access-requests/" + request.id()))
                .body(MyRequestView.of(request));
    }

    @Operation(summary = "Requests about your organisation's cases (its managers), newest first")
    @GetMapping
    List<RequestView> toMyOrganisation(CurrentUser user, @RequestParam(required = false) AccessRequest.Status status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return requests.toMyOrganisation(user, status, limit).stream().map(RequestView::of).toList();
    }

    @Operation(summary = "Your own requests and their answers, newest first")
    @GetMapping("/mine")
    List<MyRequestView> mine(CurrentUser user, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return requests.mine(user, limit).stream().map(MyRequestView::of).toList();
    }

    @Operation(summary = "Approve: the requester gets a share of their own, which expires (90 days unless you say)",
            description = "Only someone who manages the case; the share follows the sharing agreements like any other.")
    @PostMapping("/{id}/approve")
    RequestView approve(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, @RequestBody Approval body,
            CurrentUser user) {
        return RequestView.of(decisions.approve(id, body.level(), body.expiresAt(), body.message(), user));
    }

    @Operation(summary = "Decline, with a reason the requester will see")
    @PostMapping("/{id}/decline")
    RequestView decline(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, @Valid @RequestBody Decline body,
            CurrentUser user) {
        return RequestView.of(decisions.decline(id, body.reason(), user));
    }
}
