package org.casebridge.cases.api;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.casebridge.cases.domain.Actor;
import org.casebridge.cases.domain.Case;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Lead agency and transfer: the owner offers a case to another organisation, which accepts (and owns it) or
 * declines; the owner may withdraw the offer. Every step is audited.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Validated
class CaseTransferController {

    private final CaseGuard guard;
    private final MongoCases cases;
    private final AuditTrail audit;
    private final Clock clock;

    CaseTransferController(CaseGuard guard, MongoCases cases, AuditTrail audit, Clock clock) {
        this.guard = guard;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    record TransferRequest(@NotBlank @Pattern(regexp = "[A-Z0-9_]{2,40}") String toOrganisation,
            @NotBlank @Size(max = 2000) String reason) {
    }

    record DeclineRequest(@Size(max = 2000) String reason) {
    }

    @Operation(summary = "Offer the lead of a case you manage to another organisation")
    @PostMapping("/{id}/transfer")
    ResponseEntity<CaseView> offer(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody TransferRequest request, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Case c = guard.loadForChange(id, user, AccessLevel.MANAGE, ifMatch);
        long expected = c.version();
        c.offerTransfer(actor(user), request.toOrganisation(), request.reason(), clock.instant());
        guard.save(c, expected, audit.entry(user, "OFFER_TRANSFER", "case", id, null, null,
                Map.of("transferOfferedTo", Map.of("after", request.toOrganisation()))));
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(CaseView.of(c));
    }

    @Operation(summary = "Cases whose lead is offered to your organisation")
    @GetMapping("/transfers/incoming")
    List<CaseView> incoming(CurrentUser user) {
        List<CaseView> offered = cases.offeredTo(user.organisation()).stream().map(v -> CaseView.of(v.value())).toList();
        // titles and summaries of cases the caller cannot otherwise see: each shown is a read
        audit.recordEach(user, "LIST_INCOMING_TRANSFER", "case", offered.stream().map(CaseView::id).toList(), null);
        return offered;
    }

    @Operation(summary = "Accept the lead of a case offered to your organisation: you become its lead officer")
    @PostMapping("/{id}/transfer/accept")
    ResponseEntity<CaseView> accept(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        VisibleCase offered = cases.findOfferedTo(id, user.organisation())
                .orElseThrow(() -> DomainException.notFound("Transfer offer of case " + id));
        Case c = offered.value();
        long expected = c.version();
        if (ifMatch != null && ETags.requireIfMatch(ifMatch) != expected) {
            throw ETags.stale();
        }
        String previousOwner = c.ownerOrganisation();
        c.acceptTransfer(actor(user), clock.instant());
        if (!cases.updateOwnership(c, expected, previousOwner, offered.access(), audit.entry(user, "ACCEPT_TRANSFER",
                "case", id, "transfer-offer", null,
                Map.of("ownerOrganisation", Map.of("before", previousOwner, "after", c.ownerOrganisation()))))) {
            throw ETags.stale();
        }
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(CaseView.of(c));
    }

    @Operation(summary = "Decline a transfer offered to your organisation, or withdraw your own offer")
    @PostMapping("/{id}/transfer/decline")
    ResponseEntity<Void> decline(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody(required = false) DeclineRequest request, CurrentUser user) {
        Case c = cases.findOfferedTo(id, user.organisation()).map(VisibleCase::value)
                .orElseGet(() -> guard.load(id, user, AccessLevel.MANAGE).value());
        long expected = c.version();
        c.declineTransfer(actor(user), request == null ? null : request.reason(), clock.instant());
        guard.save(c, expected, audit.entry(user, "DECLINE_TRANSFER", "case", id, null, null, null));
        return ResponseEntity.noContent().eTag(ETags.of(c.version())).build();
    }

    private static Actor actor(CurrentUser user) {
        return new Actor(user.id(), user.organisation());
    }
}
