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

@RestController
@RequestMapping("/api/v1/sharing/cases/{caseId}/audit")
@Validated
class AuditController {

    private final AuditTrails trails;

    AuditController(AuditTrails trails) {
        this.trails = trails;
    }

    @Operation(summary = "Who viewed or changed a case, when, from which organisation, and why they were allowed",
            description = "For whoever manages the case and the owning organisation's administrators. Newest first.")
    @GetMapping
    List<AuditRecorded> trail(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String caseId, CurrentUser user,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return trails.ofCase(caseId, user, limit);
    }
}
