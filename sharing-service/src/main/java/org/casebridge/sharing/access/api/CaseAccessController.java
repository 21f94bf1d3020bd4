package org.casebridge.sharing.access.api;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.casebridge.sharing.access.store.MongoCaseAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;

@RestController
@RequestMapping("/api/v1/sharing/cases")
@Validated
class CaseAccessController {

    private final MongoCaseAccess access;

    CaseAccessController(MongoCaseAccess access) {
        this.access = access;
    }

    @Operation(summary = "Who may see and do what on a case you can see")
    @GetMapping("/{caseId}/access")
    ResponseEntity<CaseAccessChanged> effectiveAccess(@PathVariable @Pattern(regexp = "[0-9a-f]{24}") String caseId,
            CurrentUser user) {
        CaseAccess found = access.find(caseId).filter(a -> a.isVisibleTo(user.principals()))
                .orElseThrow(() -> DomainException.notFound("Case " + caseId));
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(found.decision());
    }
}
