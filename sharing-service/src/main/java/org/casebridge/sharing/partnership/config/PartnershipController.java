package org.casebridge.sharing.partnership.config;

import java.util.Collection;
import java.util.List;

import org.casebridge.sharing.partnership.domain.Agreement;
import org.casebridge.sharing.partnership.domain.Partnership;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/v1/sharing")
class PartnershipController {

    private final Partnership partnership;

    PartnershipController(Partnership partnership) {
        this.partnership = partnership;
    }

    @Operation(summary = "The partnership's organisations and their teams")
    @GetMapping("/organisations")
    Collection<Partnership.Organisation> organisations() {
        return partnership.organisations().values();
    }

    @Operation(summary = "The information-sharing agreements the partners signed")
    @GetMapping("/agreements")
    List<Agreement> agreements() {
        return partnership.agreements();
    }
}
