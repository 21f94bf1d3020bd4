package org.casebridge.sharing.access.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.sharing.access.domain.CaseAccess.ShareRequest;
import org.casebridge.sharing.partnership.domain.Agreement;
import org.casebridge.sharing.partnership.domain.Partnership;
import org.junit.jupiter.api.Test;

class CaseAccessTest {

    private static final Instant NOW = Instant.parse("2026-05-03T09:00:00Z");
    private static final List<String> JO = List.of("user:jo.smith", "org:STOCKTON_CST", "team:STOCKTON_ASB");
    private static final List<String> PC = List.of("user:pc.adams", "org:CLEVELAND_POLICE", "team:CP_STOCKTON_NPT");
    private static final List<String> KATE = List.of("user:kate.moss", "org:THIRTEEN_GROUP");

    private final Partnership partnership = new Partnership(Map.of(
            "STOCKTON_CST", new Partnership.Organisation("STOCKTON_CST", "Stockton", "LOCAL_AUTHORITY", List.of("STOCKTON_ASB")),
            "CLEVELAND_POLICE", new Partnership.Organisation("CLEVELAND_POLICE", "Police", "POLICE", List.of("CP_STOCKTON_NPT")),
            "THIRTEEN_GROUP", new Partnership.Organisation("THIRTEEN_GROUP", "Thirteen", "HOUSING", List.of())),
            List.of(new Agreement("ASB", "Tees ASB Protocol", Set.of("STOCKTON_CST", "CLEVELAND_POLICE", "THIRTEEN_GROUP"),
                            Set.of("ASB_PERSONAL"), "CDA 1998 s.115", LocalDate.of(2016, 4, 1), null, true),
                    new Agreement("DA", "DA agreement", Set.of("STOCKTON_CST", "CLEVELAND_POLICE"),
                            Set.of("DOMESTIC_ABUSE"), "CDA 1998 s.115", LocalDate.of(2019, 1, 1), null, true)));

    private static CaseAccess stored(CaseAccess a) {
        return CaseAccess.restore(a.caseId(), a.caseType(), a.ownerOrganisation(), a.restricted(), a.shares(), a.decidedAt(),
                a.version());
    }

    private static CaseAccess asbCase() {
        return stored(CaseAccess.forOpenedCase("c1", "ASB_PERSONAL", "STOCKTON_CST", false, NOW));
    }

    @Test
    void aNewCaseIsManagedByItsOwnerOrganisationAlone() {
        CaseAccess access = CaseAccess.forOpenedCase("c1", "ASB_PERSONAL", "STOCKTON_CST", false, NOW);

        assertThat(access.grants(NOW)).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(PrincipalKind.ORGANISATION);
            assertThat(g.id()).isEqualTo("STOCKTON_CST");
            assertThat(g.level()).isEqualTo(AccessLevel.MANAGE);
        });
        assertThat(access.levelOf(JO, NOW)).contains(AccessLevel.MANAGE);
        assertThat(access.levelOf(PC, NOW)).isEmpty();
        assertThat(access.newEvents()).singleElement().isInstanceOf(CaseAccessChanged.class);
    }

    @Test
    void aManagerSharesUnderAnAgreementAndThePartnerCanSeeWhy() {
        CaseAccess access = asbCase();
        Share share = access.share(JO, "jo.smith", "s1", new ShareRequest(PrincipalKind.TEAM, "CP_STOCKTON_NPT", null,
                AccessLevel.CONTRIBUTE, "Joint visit planned", null, null, null), partnership, NOW);

        assertThat(share.agreement()).isEqualTo("ASB");
        assertThat(share.recipientOrganisation()).isEqualTo("CLEVELAND_POLICE");
        assertThat(access.levelOf(PC, NOW)).contains(AccessLevel.CONTRIBUTE);
        assertThat(access.version()).isEqualTo(2);
        assertThat(access.explain(PC, "CLEVELAND_POLICE", NOW)).singleElement().asString()
                .contains("your team CP_STOCKTON_NPT").contains("jo.smith").contains("2026-05-03").contains("CONTRIBUTE")
                .contains("under agreement ASB").contains("Joint visit planned");
        assertThatThrownBy(() -> access.share(JO, "jo.smith", "s2", new ShareRequest(PrincipalKind.TEAM, "CP_STOCKTON_NPT",
                null, AccessLevel.VIEW, "again", null, null, null), partnership, NOW)).hasMessageContaining("already shared");
    }

    @Test
    void sharingOutsideEveryAgreementIsRefusedWithTheReason() {
        CaseAccess da = stored(CaseAccess.forOpenedCase("c2", "DOMESTIC_ABUSE", "STOCKTON_CST", true, NOW));
        assertThatThrownBy(() -> da.share(JO, "jo.smith", "s1", new ShareRequest(PrincipalKind.USER, "kate.moss",
                "THIRTEEN_GROUP", AccessLevel.VIEW, "Tenancy", null, null, null), partnership, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage())
                        .contains("No active sharing agreement between STOCKTON_CST and THIRTEEN_GROUP covers DOMESTIC_ABUSE"));
        assertThatThrownBy(() -> da.share(JO, "jo.smith", "s1", new ShareRequest(PrincipalKind.ORGANISATION,
                "CLEVELAND_POLICE", null, AccessLevel.VIEW, "MARAC", null, null, null), partnership, NOW))
                .hasMessageContaining("named users only");

        da.share(JO, "jo.smith", "s1", new ShareRequest(PrincipalKind.USER, "pc.adams", "CLEVELAND_POLICE", AccessLevel.VIEW,
                "MARAC referral", null, null, null), partnership, NOW);
        assertThat(da.levelOf(PC, NOW)).contains(AccessLevel.VIEW);
        assertThat(da.levelOf(List.of("user:pcso.khan", "org:CLEVELAND_POLICE"), NOW)).isEmpty();
    }

    @Test
    void onlyAManagerChangesWhoSeesTheCase() {
        CaseAccess access = asbCase();
        access.share(JO, "jo.smith", "s1", new ShareRequest(PrincipalKind.ORGANISATION, "CLEVELAND_POLICE", null,
                AccessLevel.VIEW, "FYI", null, null, null), partnership, NOW);
        assertThatThrownBy(() -> access.share(PC, "pc.adams", "s2", new ShareRequest(PrincipalKind.ORGANISATION,
                "THIRTEEN_GROUP", null, AccessLevel.VIEW, "FYI", null, null, null), partnership, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> access.revoke(KATE, "s1", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));

        access.revoke(JO, "s1", NOW);
        assertThat(access.levelOf(PC, NOW)).isEmpty();
    }

    @Test
    void anExpiredShareStopsWorkingOnTime() {
        CaseAccess access = asbCase();
        Instant noon = NOW.plusSeconds(3 * 3600);
        access.share(JO, "jo.smith", "s1", new ShareRequest(PrincipalKind.ORGANISATION, "THIRTEEN_GROUP", null,
                AccessLevel.VIEW, "Until the tenancy meeting", noon, null, null), partnership, NOW);
        assertThat(access.levelOf(KATE, NOW)).contains(AccessLevel.VIEW);
        assertThat(access.levelOf(KATE, noon)).isEmpty();
        assertThat(access.expireShares(NOW)).isFalse();
        assertThat(access.expireShares(noon)).isTrue();
        assertThat(access.shares()).isEmpty();
        assertThatThrownBy(() -> access.share(JO, "jo.smith", "s2", new ShareRequest(PrincipalKind.ORGANISATION,
                "THIRTEEN_GROUP", null, AccessLevel.VIEW, "x", NOW.minusSeconds(1), null, null), partnership, NOW))
                .hasMessageContaining("past");
    }

    @Test
    void aTransferredCaseIsManagedByItsNewOwnerAndThePreviousOwnerStillContributes() {
        CaseAccess access = asbCase();
        access.transferTo("THIRTEEN_GROUP", NOW);

        assertThat(access.ownerOrganisation()).isEqualTo("THIRTEEN_GROUP");
        assertThat(access.version()).isEqualTo(2);
        assertThat(access.grants(NOW)).extracting(g -> g.id() + ":" + g.level())
                .containsExactly("THIRTEEN_GROUP:MANAGE", "STOCKTON_CST:CONTRIBUTE");
    }

    @Test
    void aRestrictedCaseMovesWithoutLeavingTheOldOwnerIn() {
        CaseAccess access = stored(CaseAccess.forOpenedCase("c1", "DOMESTIC_ABUSE", "CLEVELAND_POLICE", true, NOW));
        access.transferTo("STOCKTON_CST", NOW);
        assertThat(access.grants(NOW)).extracting(g -> g.id()).containsExactly("STOCKTON_CST");
    }

    @Test
    void consentAndTheLawfulBasisAreRecordedPerShare() {
        CaseAccess access = asbCase();
        Share refused = access.share(JO, "jo.smith", "s1", new ShareRequest(PrincipalKind.ORGANISATION, "THIRTEEN_GROUP",
                null, AccessLevel.VIEW, "Tenancy enforcement", null, Share.Consent.REFUSED, null), partnership, NOW);
        assertThat(refused.consent()).isEqualTo(Share.Consent.REFUSED);
        assertThat(refused.lawfulBasis()).isEqualTo("CDA 1998 s.115");
        assertThat(access.explain(KATE, "THIRTEEN_GROUP", NOW).get(0)).contains("consent refused");

        assertThatThrownBy(() -> access.share(JO, "jo.smith", "s2", new ShareRequest(PrincipalKind.USER, "raj.patel",
                "STOCKTON_CST", AccessLevel.VIEW, "Colleague", null, Share.Consent.NOT_NEEDED, null), partnership, NOW))
                .hasMessageContaining("lawful basis");
        Share given = access.share(JO, "jo.smith", "s3", new ShareRequest(PrincipalKind.USER, "raj.patel", "STOCKTON_CST",
                AccessLevel.VIEW, "Colleague", null, Share.Consent.GIVEN, null), partnership, NOW);
        assertThat(given.agreement()).isNull();
    }

    @Test
    void aLapsedConsentPutsTheSharesUpForReviewOnceUntilAManagerConfirmsThem() {
        CaseAccess access = stored(CaseAccess.forOpenedCase("c1", "ASB_PERSONAL", "STOCKTON_CST", false, NOW));
        access.share(JO, "jo.smith", "s1", new ShareRequest(PrincipalKind.ORGANISATION, "THIRTEEN_GROUP", null,
                AccessLevel.VIEW, "Tenancy", null, Share.Consent.GIVEN, null, NOW.plusSeconds(3600)), partnership, NOW);
        assertThat(access.noticeLapsedConsents(NOW.plusSeconds(60))).isFalse();
        assertThat(access.noticeLapsedConsents(NOW.plusSeconds(3600))).isTrue();
        assertThat(access.review().reason()).contains("org:THIRTEEN_GROUP").contains("lapsed");
        assertThat(access.levelOf(KATE, NOW.plusSeconds(3601))).contains(AccessLevel.VIEW);
        assertThat(access.noticeLapsedConsents(NOW.plusSeconds(7200))).isFalse();

        assertThatThrownBy(() -> access.confirmShares(KATE, NOW)).isInstanceOf(DomainException.class);
        access.confirmShares(JO, NOW.plusSeconds(7200));
        assertThat(access.review()).isNull();
        assertThatThrownBy(() -> access.confirmShares(JO, NOW)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
    }

    @Test
    void aNewLeadAgencyReviewsTheSharesItInherits() {
        CaseAccess access = stored(CaseAccess.forOpenedCase("c1", "ASB_PERSONAL", "STOCKTON_CST", false, NOW));
        access.share(JO, "jo.smith", "s1", new ShareRequest(PrincipalKind.ORGANISATION, "THIRTEEN_GROUP", null,
                AccessLevel.VIEW, "Tenancy", null, null, null), partnership, NOW);
        access.transferTo("CLEVELAND_POLICE", NOW);
        assertThat(access.review().reason()).contains("lead agency changed from STOCKTON_CST to CLEVELAND_POLICE");
        access.confirmShares(PC, NOW);
        assertThat(access.review()).isNull();
    }

    @Test
    void aConsentEndDateGoesWithGivenConsent() {
        CaseAccess access = stored(CaseAccess.forOpenedCase("c1", "ASB_PERSONAL", "STOCKTON_CST", false, NOW));
        assertThatThrownBy(() -> access.share(JO, "jo.smith", "s1", new ShareRequest(PrincipalKind.ORGANISATION,
                "THIRTEEN_GROUP", null, AccessLevel.VIEW, "Tenancy", null, Share.Consent.NOT_NEEDED, null,
                NOW.plusSeconds(60)), partnership, NOW)).isInstanceOf(DomainException.class);
    }
}
