package org.casebridge.sharing.audit.api;

import java.time.Clock;
import java.util.List;

import org.casebridge.contracts.audit.AuditRecorded;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.casebridge.sharing.access.store.MongoCaseAccess;
import org.casebridge.sharing.audit.domain.AuditReaders;
import org.casebridge.sharing.audit.store.MongoAuditRecords;
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

    private final MongoCaseAccess access;
    private final MongoAuditRecords records;
    private final Clock clock;

    AuditController(MongoCaseAccess access, MongoAuditRecords records, Clock clock) {
        this.access = access;
        this.records = records;
        this.clock = clock;
    }

    @Operation(summary = "Who viewed or changed a case, when, from which organisation, and why they were allowed",
            description = "For whoever manages the case and the owning organisation's administrators. Newest first.")
    @GetMapping
    List<AuditRecorded> trail(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String caseId, CurrentUser user,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        CaseAccess found = access.find(caseId).orElseThrow(() -> DomainException.notFound("Case " + caseId));
        if (!AuditReaders.mayRead(found, user.principals(), user.organisation(), user.roles(), clock.instant())) {
            if (found.levelOf(user.principals(), clock.instant()).isEmpty()) {
                throw DomainException.notFound("Case " + caseId);
            }
            throw DomainException.forbidden("Only the case's managers and its owner's administrators read its audit trail.");
        }
        return records.about("case", caseId, limit);
    }
}
