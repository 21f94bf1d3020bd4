package org.casebridge.sharing.audit.api;

import java.util.List;

import org.casebridge.contracts.audit.AuditRecorded;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.audit.app.AuditTrails;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Who viewed or changed a person's record, for the data owner: the administrators of the organisation that registered
 * the person (known from the audit record of the registration).
 */
@RestController
@RequestMapping("/api/v1/sharing/people/{personId}/audit")
@Validated
class PersonAuditController {

    private final AuditTrails trails;

    PersonAuditController(AuditTrails trails) {
        this.trails = trails;
    }

    @Operation(summary = "Who viewed or changed a person's record, when, from which organisation, and why they were allowed",
            description = "For the administrators of the organisation that registered the person. Newest first.")
    @GetMapping
    List<AuditRecorded> trail(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String personId, CurrentUser user,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return trails.ofPerson(personId, user, limit);
    }
}
