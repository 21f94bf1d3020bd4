package org.casebridge.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.casebridge.contracts.cases.CaseTransferDeclined;
import org.casebridge.contracts.cases.CaseTransferOffered;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.contracts.cases.CaseUpdated;
import org.casebridge.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class CaseTransferTest {

    private final Instant now = Instant.parse("2026-05-03T09:00:00Z");
    private final Actor jo = new Actor("jo.smith", "STOCKTON_CST");
    private final Actor tom = new Actor("tom.reid", "THIRTEEN_GROUP");
    private final Actor pc = new Actor("pc.adams", "CLEVELAND_POLICE");

    private Case aCase() {
        return Case.restore(Case.open("c1", new Case.CaseOpening(CaseType.ASB_PERSONAL, "Noise", null, "STOCKTON_CST",
                "jo.smith", null, "STOCKTON_ASB", false, null), (p, y) -> 1, now).snapshot());
    }

    @Test
    void theLeadMovesOnlyWhenTheOtherOrganisationAccepts() {
        Case c = aCase();
        c.offerTransfer(jo, "THIRTEEN_GROUP", "Tenancy enforcement is now the main route", now);
        assertThat(c.ownerOrganisation()).isEqualTo("STOCKTON_CST");
        assertThatThrownBy(() -> c.acceptTransfer(pc, now))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));

        c.acceptTransfer(tom, now);

        assertThat(c.ownerOrganisation()).isEqualTo("THIRTEEN_GROUP");
        assertThat(c.leadOfficer()).isEqualTo("tom.reid");
        assertThat(c.team()).isNull();
        assertThat(c.transferOffer()).isNull();
        assertThat(c.newEvents()).hasSize(2);
        assertThat(c.newEvents().get(0)).isInstanceOf(CaseTransferOffered.class);
        assertThat(c.newEvents().get(1)).isInstanceOfSatisfying(CaseTransferred.class, e -> {
            assertThat(e.fromOrganisation()).isEqualTo("STOCKTON_CST");
            assertThat(e.toOrganisation()).isEqualTo("THIRTEEN_GROUP");
        });
    }

    @Test
    void oneOfferAtATimeAndNeverToTheOwner() {
        Case c = aCase();
        assertThatThrownBy(() -> c.offerTransfer(jo, "STOCKTON_CST", "why", now)).hasMessageContaining("already owned");
        assertThatThrownBy(() -> c.offerTransfer(jo, "THIRTEEN_GROUP", " ", now)).hasMessageContaining("Say why");
        c.offerTransfer(jo, "THIRTEEN_GROUP", "Tenancy", now);
        assertThatThrownBy(() -> c.offerTransfer(jo, "CLEVELAND_POLICE", "Crime", now)).hasMessageContaining("withdraw");
    }

    @Test
    void theOfferedOrganisationDeclinesOrTheOwnerWithdraws() {
        Case c = aCase();
        c.offerTransfer(jo, "THIRTEEN_GROUP", "Tenancy", now);
        assertThatThrownBy(() -> c.declineTransfer(pc, "not ours", now)).isInstanceOf(DomainException.class);
        c.declineTransfer(tom, "Not a tenancy matter", now);
        assertThat(c.transferOffer()).isNull();
        assertThat(c.newEvents().get(1)).isInstanceOf(CaseTransferDeclined.class);

        c.offerTransfer(jo, "THIRTEEN_GROUP", "Tenancy again", now);
        c.declineTransfer(jo, "Withdrawn", now);
        assertThat(c.transferOffer()).isNull();
    }

    @Test
    void linksFollowAMergedPersonWithoutDoublingARole() {
        Case c = aCase();
        c.link(jo, Link.Target.PERSON, "survivor", "VICTIM", now);
        c.link(jo, Link.Target.PERSON, "merged", "VICTIM", now);
        c.link(jo, Link.Target.PERSON, "merged", "WITNESS", now);

        assertThat(c.followMerge("survivor", "merged", new Actor("party-service", "STOCKTON_CST"), now)).isTrue();

        assertThat(c.links()).extracting(l -> l.targetId() + ":" + l.role())
                .containsExactlyInAnyOrder("survivor:VICTIM", "survivor:WITNESS");
        assertThat(c.newEvents().get(3)).isInstanceOf(CaseUpdated.class);
        assertThat(c.followMerge("survivor", "merged", jo, now)).isFalse();
    }
}
