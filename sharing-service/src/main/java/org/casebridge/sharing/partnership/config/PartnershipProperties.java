package org.casebridge.sharing.partnership.config;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casebridge.sharing.partnership.domain.Agreement;
import org.casebridge.sharing.partnership.domain.Partnership;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code casebridge.partnership}: the organisations, teams and signed agreements this deployment serves. */
@ConfigurationProperties("casebridge.partnership")
public record PartnershipProperties(List<OrganisationEntry> organisations, List<AgreementEntry> agreements) {

    public record OrganisationEntry(String code, String name, String kind, List<String> teams) {
    }

    public record AgreementEntry(String code, String name, Set<String> parties, Set<String> caseTypes, String lawfulBasis,
            LocalDate startDate, LocalDate endDate, Boolean active) {
    }

    public Partnership toPartnership() {
        Map<String, Partnership.Organisation> byCode = new LinkedHashMap<>();
        (organisations == null ? List.<OrganisationEntry>of() : organisations).forEach(o -> byCode.put(o.code(),
                new Partnership.Organisation(o.code(), o.name(), o.kind(), o.teams() == null ? List.of() : o.teams())));
        List<Agreement> signed = (agreements == null ? List.<AgreementEntry>of() : agreements).stream()
                .map(a -> new Agreement(a.code(), a.name(), a.parties(), a.caseTypes(), a.lawfulBasis(), a.startDate(),
                        a.endDate(), a.active() == null || a.active()))
                .toList();
        return new Partnership(byCode, signed);
    }
}
