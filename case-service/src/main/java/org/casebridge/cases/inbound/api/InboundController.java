package org.casebridge.cases.inbound.api;

import org.casebridge.cases.inbound.app.InboundIntake;
import org.casebridge.cases.inbound.domain.InboundOutcome;
import org.casebridge.cases.inbound.domain.InboundRecord;
import org.casebridge.contracts.Topics;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The HTTP way in for partner systems without Kafka: the record joins the organisation's inbound topic, exactly as
 * if the partner had published it, and is answered there (and here, for incidents and referrals).
 */
@RestController
@RequestMapping("/api/v1/inbound")
@Validated
class InboundController {

    private final InboundIntake intake;

    InboundController(InboundIntake intake) {
        this.intake = intake;
    }

    record Received(String externalId, String status, String repliesTopic) {
    }

    @Operation(summary = "Push an incident, a referral or a person in from your organisation's system",
            description = "For integration clients of that organisation. Checked for shape here (422 when wrong), then "
                    + "processed: the answer (ACCEPTED or REJECTED with the reason) is on casebridge.inbound.<org>.replies.v1 "
                    + "and, for incidents and referrals, at GET /api/v1/inbound/{organisation}/{externalId}. Sending the "
                    + "same externalId again changes nothing.")
    @PostMapping("/{organisation}")
    ResponseEntity<Received> push(@PathVariable @Pattern(regexp = "[A-Z0-9_]{2,40}") String organisation,
            @RequestBody InboundRecord record, CurrentUser user) {
        intake.receive(organisation, record, user);
        return ResponseEntity.accepted().body(new Received(record.externalId(), "RECEIVED", Topics.inboundReplies(organisation)));
    }

    @Operation(summary = "What became of an incident or referral your system pushed in")
    @GetMapping("/{organisation}/{externalId}")
    InboundOutcome outcome(@PathVariable @Pattern(regexp = "[A-Z0-9_]{2,40}") String organisation,
            @PathVariable @Size(max = 100) String externalId, CurrentUser user) {
        return intake.outcome(organisation, externalId, user)
                .orElseThrow(() -> DomainException.notFound("Inbound record " + externalId + " (not yet processed, or unknown)"));
    }
}
