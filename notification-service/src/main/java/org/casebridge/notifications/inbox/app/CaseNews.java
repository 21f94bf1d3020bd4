package org.casebridge.notifications.inbox.app;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.contracts.cases.CaseClosed;
import org.casebridge.contracts.cases.CaseLogEntryAdded;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseReviewThresholdMet;
import org.casebridge.contracts.cases.CaseRiskAssessed;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.contracts.cases.CaseUpdated;
import org.casebridge.contracts.party.DuplicateSuspected;
import org.casebridge.contracts.party.RepeatPresentationFlagged;
import org.casebridge.contracts.sharing.AccessRequestDecided;
import org.casebridge.contracts.sharing.AccessRequested;
import org.casebridge.notifications.inbox.domain.CaseLead;
import org.casebridge.notifications.inbox.domain.WhoHears;
import org.casebridge.notifications.inbox.store.MongoCaseLeads;
import org.casebridge.platform.access.AccessList;
import org.springframework.stereotype.Component;

/**
 * Who hears what happened on a case, a share, an access request or a person ({@link WhoHears} decides, {@link Deliveries}
 * puts it in inboxes), and what this service remembers of each case to say so: its reference, owner, lead officer and
 * who was told of a share. Every method takes the cause, the key that delivers each notification once.
 */
@Component
public class CaseNews {

    private final Deliveries deliveries;
    private final MongoCaseLeads leads;
    private final Clock clock;

    CaseNews(Deliveries deliveries, MongoCaseLeads leads, Clock clock) {
        this.deliveries = deliveries;
        this.leads = leads;
        this.clock = clock;
    }

    public void opened(CaseOpened opened, String cause) {
        leads.remember(new CaseLead(opened.caseId(), opened.reference(), opened.ownerOrganisation(), opened.leadOfficer()));
        deliveries.deliver(WhoHears.caseOpened(opened), cause);
    }

    public void transferred(CaseTransferred t, String cause) {
        leads.remember(new CaseLead(t.caseId(), t.reference(), t.toOrganisation(), t.leadOfficer()));
        deliveries.deliver(WhoHears.transferred(t), cause);
    }

    /** Only a change of lead officer is news: the new lead hears of it. */
    public void updated(CaseUpdated updated, String cause) {
        Map<String, Object> lead = updated.changes().get("leadOfficer");
        if (lead == null) {
            return;
        }
        String newLead = lead.get("after") == null ? null : lead.get("after").toString();
        leads.leadIs(updated.caseId(), newLead);
        leads.find(updated.caseId()).ifPresent(known -> deliveries.deliver(
                WhoHears.leadChanged(known, newLead, updated.updatedBy()), cause));
    }

    public void reviewDue(CaseReviewThresholdMet due, String cause) {
        deliveries.deliver(WhoHears.reviewDue(due), cause);
    }

    public void logEntry(CaseLogEntryAdded entry, String cause) {
        deliveries.deliver(WhoHears.logEntry(entry, leads.find(entry.caseId()).orElse(null)), cause);
    }

    public void riskAssessed(CaseRiskAssessed assessed, String cause) {
        deliveries.deliver(WhoHears.riskAssessed(assessed, leads.find(assessed.caseId()).orElse(null)), cause);
    }

    public void closed(CaseClosed closed, String cause) {
        deliveries.deliver(WhoHears.closed(closed, leads.find(closed.caseId()).orElse(null)), cause);
    }

    /**
     * A case shared with a partner: whoever was newly given access hears of it, once per share; what was held waiting
     * for a decision on the case is decided by this one (the newest word).
     */
    public void shared(CaseAccessChanged decision, String cause) {
        String reference = referenceOf(decision.caseId());
        deliveries.deliverAsDecided(WhoHears.shared(decision, leads.toldOfShare(decision.caseId()), reference), cause);
        Set<String> nowShared = new HashSet<>();
        decision.grants().forEach(g -> nowShared.add(WhoHears.principal(g)));
        leads.sharedWith(decision.caseId(), nowShared);
        deliveries.release(decision.caseId(), AccessList.from(decision, clock.instant()));
    }

    /** The owner's supervisors hear of a new request; sharing-service addressed it, so it is delivered as decided. */
    public void accessRequested(AccessRequested requested, String cause) {
        deliveries.deliverAsDecided(WhoHears.accessRequested(requested, referenceOf(requested.caseId())), cause);
    }

    /** The requester hears the answer, as sharing-service addressed it. */
    public void accessRequestDecided(AccessRequestDecided decided, String cause) {
        deliveries.deliverAsDecided(WhoHears.accessRequestDecided(decided, referenceOf(decided.caseId())), cause);
    }

    /** The lead officers of the person's cases hear of it. */
    public void repeatPresentation(RepeatPresentationFlagged flag, String cause) {
        deliveries.deliver(WhoHears.repeatPresentation(flag, leads.findAll(flag.caseIds())), cause);
    }

    /** The organisations holding the records are asked to review it. */
    public void duplicateSuspected(DuplicateSuspected suspected, String cause) {
        deliveries.deliver(WhoHears.duplicateSuspected(suspected), cause);
    }

    private String referenceOf(String caseId) {
        return leads.find(caseId).map(CaseLead::reference).orElse(null);
    }
}
