package org.casebridge.sharing.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.casebridge.sharing.access.domain.CaseAccess;
import org.junit.jupiter.api.Test;

class AuditReadersTest {

    private final Instant now = Instant.parse("2026-05-03T09:00:00Z");
    private final CaseAccess access = CaseAccess.forOpenedCase("c1", "ASB_PERSONAL", "STOCKTON_CST", false, now);

    @Test
    void managersAndTheOwnersAdministratorsReadTheTrailAndNobodyElse() {
        assertThat(AuditReaders.mayRead(access, List.of("user:jo.smith", "org:STOCKTON_CST"), "STOCKTON_CST",
                Set.of("PRACTITIONER"), now)).isTrue();
        assertThat(AuditReaders.mayRead(access, List.of("user:helen.wood"), "STOCKTON_CST", Set.of("ORG_ADMIN"), now)).isTrue();
        assertThat(AuditReaders.mayRead(access, List.of("user:priya.shah", "org:MIDDLESBROUGH_CST"), "MIDDLESBROUGH_CST",
                Set.of("ORG_ADMIN"), now)).isFalse();
    }
}
