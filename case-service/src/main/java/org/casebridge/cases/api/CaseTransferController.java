package org.casebridge.cases.api;

import java.util.List;

import org.casebridge.cases.app.CaseCommands;
import org.casebridge.cases.app.CaseQueries;
import org.casebridge.cases.domain.Case;
import org.casebridge.platform.aggregate.Expectation;
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

    private final CaseCommands commands;
    private final CaseQueries queries;

    CaseTransferController(CaseCommands commands, CaseQueries queries) {
        this.commands = commands;
        this.queries = queries;
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
        Case c = commands.offerTransfer(id, user, Expectation.ifMatch(ifMatch), request.toOrganisation(), request.reason());
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(CaseView.of(c));
    }

    @Operation(summary = "Cases whose lead is offered to your organisation")
    @GetMapping("/transfers/incoming")
    List<CaseView> incoming(CurrentUser user) {
        return queries.incomingTransfers(user).stream().map(CaseView::of).toList();
    }

    @Operation(summary = "Accept the lead of a case offered to your organisation: you become its lead officer")
    @PostMapping("/{id}/transfer/accept")
    ResponseEntity<CaseView> accept(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id, CurrentUser user,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Case c = commands.acceptTransfer(id, user, Expectation.ifMatchIfGiven(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(c.version())).body(CaseView.of(c));
    }

    @Operation(summary = "Decline a transfer offered to your organisation, or withdraw your own offer")
    @PostMapping("/{id}/transfer/decline")
    ResponseEntity<Void> decline(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String id,
            @Valid @RequestBody(required = false) DeclineRequest request, CurrentUser user) {
        Case c = commands.declineTransfer(id, user, request == null ? null : request.reason());
        return ResponseEntity.noContent().eTag(ETags.of(c.version())).build();
    }
}
