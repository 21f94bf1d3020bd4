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
import org.casebridge.sharing.requests.store.MongoCaseReferences;
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

/**
 * Asking for access to a case (by id or by its reference) or to what another organisation knows of a person, and that
 * organisation's managers answering.
 */
@RestController
@RequestMapping("/api/v1/sharing/access-requests")
@Validated
class AccessRequestController {

    private static final String ID = "[0-9a-f]{24}";

    private final MongoAccessRequests requests;
    private final MongoCaseReferences references;
    private final MongoCaseAccess access;
    private final Partnership partnership;
    private final AuditTrail audit;
    private final Clock clock;
    private final int perUser;
    private final Duration window;

    AccessRequestController(MongoAccessRequests requests, MongoCaseReferences references, MongoCaseAccess access,
            Partnership partnership, AuditTrail audit, Clock clock, @Value("${casebridge.access-requests.per-user}") int perUser,
            @Value("${casebridge.access-requests.window}") Duration window) {
        this.requests = requests;
        this.references = references;
        this.access = access;
        this.partnership = partnership;
        this.audit = audit;
        this.clock = clock;
        this.perUser = perUser;
        this.window = window;
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
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation.");
        }
        Instant now = clock.instant();
        List<Instant> recent = requests.madeSince(user.id(), now.minus(window));
        if (recent.size() >= perUser) {
            // counted in MongoDB, so every instance and a restart agree; free again when the oldest leaves the window
            throw new TooManyRequests(perUser, window, Duration.between(now, recent.get(recent.size() - perUser).plus(window)));
        }
        int named = (body.caseId() != null ? 1 : 0) + (body.reference() != null ? 1 : 0) + (body.personId() != null ? 1 : 0);
        if (named != 1 || (body.personId() != null) != (body.organisation() != null)) {
            throw DomainException.invalid("Name a case (caseId or reference), or a person (personId) with the organisation "
                    + "that knows them.");
        }
        AccessRequest request = body.personId() != null ? aboutPerson(body, user, now)
                : body.reference() != null ? byReference(body, user, now) : byId(body, user, now);
        return ResponseEntity.accepted().location(URI.create("/api/v1/sharing/access-requests/" + request.id()))
                .body(MyRequestView.of(request));
    }

    private AccessRequest byId(NewRequest body, CurrentUser user, Instant now) {
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
        return request;
    }

    /** A reference no case has is kept like one that names a case, and so answered the same. */
    private AccessRequest byReference(NewRequest body, CurrentUser user, Instant now) {
        var found = references.caseNamed(body.reference()).flatMap(access::find);
        if (requests.pendingForReference(body.reference(), user.id())
                || found.isPresent() && requests.pendingFor(found.get().caseId(), user.id())) {
            throw DomainException.conflict("You already asked for access to this case; wait for the answer.");
        }
        AccessRequest request = found.isPresent()
                ? AccessRequest.ask(requests.newId(), found.get().caseId(), body.reference(), found.get().caseType(),
                        found.get().ownerOrganisation(), user.id(), user.organisation(), body.reason(),
                        found.get().levelOf(user.principals(), now).isPresent(), now)
                : AccessRequest.askAboutNoKnownReference(requests.newId(), body.reference(), user.id(), user.organisation(),
                        body.reason(), now);
        requests.insert(request, audit.entry(user, "REQUEST_ACCESS", "case",
                request.caseId() != null ? request.caseId() : body.reference(), "requester", body.reason(), null));
        return request;
    }

    private AccessRequest aboutPerson(NewRequest body, CurrentUser user, Instant now) {
        if (!partnership.isMember(body.organisation())) {
            throw DomainException.invalid("No partner organisation " + body.organisation() + ".");
        }
        if (requests.pendingForPerson(body.personId(), body.organisation(), user.id())) {
            throw DomainException.conflict("You already asked this organisation about this person; wait for the answer.");
        }
        AccessRequest request = AccessRequest.askAboutPerson(requests.newId(), body.personId(), body.organisation(),
                user.id(), user.organisation(), body.reason(), now);
        requests.insert(request, audit.entry(user, "REQUEST_ACCESS", "person", body.personId(), "requester", body.reason(),
                null));
        return request;
    }

    @Operation(summary = "Requests about your organisation's cases (its managers), newest first")
    @GetMapping
    List<RequestView> toMyOrganisation(CurrentUser user, @RequestParam(required = false) AccessRequest.Status status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation.");
        }
        return requests.toOrganisation(user.organisation(), status, limit).stream().filter(r -> answers(r, user))
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
        if (request.subject() == AccessRequest.Subject.PERSON) {
            request.approveWithContact(user.name(), body.message(), user.id(), now);
            if (!requests.update(request, expected, audit.entry(user, "APPROVE_ACCESS", "person", request.personId(),
                    "manage", null, Map.of("contact", Map.of("after", request.requestedBy() + " told to contact " + user.id()))))) {
                throw DomainException.conflict("Someone else answered this request meanwhile.");
            }
            return RequestView.of(request);
        }
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
        boolean person = request.subject() == AccessRequest.Subject.PERSON;
        if (!requests.update(request, expected, audit.entry(user, "DECLINE_ACCESS", person ? "person" : "case",
                person ? request.personId() : request.caseId(), "manage", body.reason(), null))) {
            throw DomainException.conflict("Someone else answered this request meanwhile.");
        }
        return RequestView.of(request);
    }

    /** Only the case's managers answer a request; to anyone else it does not exist. */
    private AccessRequest decidable(String id, CurrentUser user) {
        AccessRequest request = requests.find(id).orElseThrow(() -> DomainException.notFound("Access request " + id));
        if (!answers(request, user)) {
            throw DomainException.notFound("Access request " + id);
        }
        return request;
    }

    /**
     * A case request is answered by those who manage the case; a person request by the asked organisation's
     * supervisors and administrators. A request about no known case is answered by nobody.
     */
    private boolean answers(AccessRequest request, CurrentUser user) {
        if (request.subject() == AccessRequest.Subject.PERSON) {
            return request.ownerOrganisation().equals(user.organisation())
                    && (user.hasRole("SUPERVISOR") || user.hasRole("ORG_ADMIN"));
        }
        return request.caseId() != null && access.find(request.caseId())
                .flatMap(c -> c.levelOf(user.principals(), clock.instant()))
                .filter(level -> level == AccessLevel.MANAGE).isPresent();
    }
}
