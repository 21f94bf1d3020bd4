package org.casebridge.cases.api;

import java.time.Instant;

import org.casebridge.cases.domain.Case;
import org.casebridge.cases.domain.Closure;
import org.casebridge.cases.domain.RiskMatrix;
import org.casebridge.cases.domain.TransferOffer;

/**
 * A case as the API shows it.
 *
 * @param transferOffer the lead offered to another organisation and not yet accepted or declined, else null
 */
record CaseView(String id, String reference, String type, boolean restricted, String title, String summary, String status,
        String ownerOrganisation, String leadOfficer, String team, String openedBy, Instant openedAt,
        java.time.LocalDate nextReviewDate, String riskBand, boolean highRisk, Closure closure, TransferOffer transferOffer,
        long version) {

    static CaseView of(Case c) {
        return new CaseView(c.id(), c.reference().value(), c.type().name(), c.type().restricted(), c.title(), c.summary(),
                c.status().name(), c.ownerOrganisation(), c.leadOfficer(), c.team(), c.openedBy(), c.openedAt(),
                c.nextReviewDate(), c.currentRiskBand() == null ? null : c.currentRiskBand().name(),
                c.currentRiskBand() == RiskMatrix.Band.HIGH, c.closure(), c.transferOffer(), c.version());
    }
}
