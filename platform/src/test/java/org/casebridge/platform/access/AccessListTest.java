package org.casebridge.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.Grant;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.junit.jupiter.api.Test;

class AccessListTest {

    private final Instant now = Instant.parse("2026-05-03T09:00:00Z");

    @Test
    void aRestrictedCaseReachesOtherOrganisationsOnlyThroughNamedPeopleAndItsOwnerKeepsIt() {
        AccessList access = AccessList.from(new CaseAccessChanged("c1", "DOMESTIC_ABUSE", "CLEVELAND_POLICE", true, List.of(
                new Grant(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", AccessLevel.MANAGE, null),
                new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.VIEW, null),
                new Grant(PrincipalKind.TEAM, "STOCKTON_ASB", AccessLevel.VIEW, null),
                new Grant(PrincipalKind.USER, "jo.smith", AccessLevel.VIEW, null)), now), now);

        assertThat(access.view()).containsExactly("org:CLEVELAND_POLICE", "user:jo.smith");
        assertThat(access.allows(List.of("user:pc.adams", "org:CLEVELAND_POLICE"), AccessLevel.MANAGE)).isTrue();
        assertThat(access.allows(List.of("user:raj.patel", "team:STOCKTON_ASB", "org:STOCKTON_CST"), AccessLevel.VIEW)).isFalse();
    }

    @Test
    void anExpiredGrantGivesNothing() {
        AccessList access = AccessList.from(new CaseAccessChanged("c1", "ASB_PERSONAL", "STOCKTON_CST", false, List.of(
                new Grant(PrincipalKind.ORGANISATION, "STOCKTON_CST", AccessLevel.MANAGE, null),
                new Grant(PrincipalKind.ORGANISATION, "THIRTEEN_GROUP", AccessLevel.CONTRIBUTE, now.minusSeconds(1))), now), now);
        assertThat(access.view()).containsExactly("org:STOCKTON_CST");
    }
}
