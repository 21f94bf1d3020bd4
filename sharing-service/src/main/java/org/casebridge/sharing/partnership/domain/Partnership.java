package org.casebridge.sharing.partnership.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The partnership's organisations, their teams, and the agreements between them. */
public record Partnership(Map<String, Organisation> organisations, List<Agreement> agreements) {

    public record Organisation(String code, String name, String kind, List<String> teams) {
    }

    public Optional<String> organisationOfTeam(String team) {
        return organisations.values().stream().filter(o -> o.teams().contains(team)).map(Organisation::code).findFirst();
    }

    public boolean isMember(String organisation) {
        return organisations.containsKey(organisation);
    }

    /** The agreement under which {@code owner} may share a case of {@code caseType} with {@code recipient}, if any. */
    public Optional<Agreement> agreementCovering(String owner, String recipient, String caseType, LocalDate day) {
        return agreements.stream().filter(a -> a.covers(owner, recipient, caseType, day)).findFirst();
    }
}
