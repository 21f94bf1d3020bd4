package org.casebridge.sharing.access.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.junit.jupiter.api.Test;

class CaseAccessTest {

    @Test
    void aNewCaseIsManagedByItsOwnerOrganisationAlone() {
        CaseAccess access = CaseAccess.forOpenedCase("c1", "ASB_PERSONAL", "STOCKTON_CST", false, Instant.EPOCH);

        assertThat(access.grants()).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(PrincipalKind.ORGANISATION);
            assertThat(g.id()).isEqualTo("STOCKTON_CST");
            assertThat(g.level()).isEqualTo(AccessLevel.MANAGE);
        });
        assertThat(access.isVisibleTo(List.of("user:jo.smith", "org:STOCKTON_CST"))).isTrue();
        assertThat(access.isVisibleTo(List.of("user:pc.adams", "org:CLEVELAND_POLICE"))).isFalse();
        assertThat(access.newEvents()).singleElement().isInstanceOf(CaseAccessChanged.class);
    }

    @Test
    void aTransferredCaseIsManagedByItsNewOwnerAndThePreviousOwnerStillContributes() {
        CaseAccess access = CaseAccess.forOpenedCase("c1", "ASB_PERSONAL", "STOCKTON_CST", false, Instant.EPOCH);
        CaseAccess stored = CaseAccess.restore("c1", "ASB_PERSONAL", "STOCKTON_CST", false, access.grants(), Instant.EPOCH, 1);

        stored.transferTo("THIRTEEN_GROUP", Instant.EPOCH);

        assertThat(stored.ownerOrganisation()).isEqualTo("THIRTEEN_GROUP");
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.grants()).extracting(g -> g.id() + ":" + g.level())
                .containsExactly("THIRTEEN_GROUP:MANAGE", "STOCKTON_CST:CONTRIBUTE");
        assertThat(stored.newEvents()).singleElement().isInstanceOf(CaseAccessChanged.class);
    }

    @Test
    void aRestrictedCaseMovesWithoutLeavingTheOldOwnerIn() {
        CaseAccess stored = CaseAccess.restore("c1", "DOMESTIC_ABUSE", "CLEVELAND_POLICE", true, CaseAccess
                .forOpenedCase("c1", "DOMESTIC_ABUSE", "CLEVELAND_POLICE", true, Instant.EPOCH).grants(), Instant.EPOCH, 1);
        stored.transferTo("STOCKTON_CST", Instant.EPOCH);
        assertThat(stored.grants()).extracting(g -> g.id()).containsExactly("STOCKTON_CST");
    }
}
