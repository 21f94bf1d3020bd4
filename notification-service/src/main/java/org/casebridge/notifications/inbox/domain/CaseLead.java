package org.casebridge.notifications.inbox.domain;

/** What notification-service keeps of a case: its reference, owner and lead officer, to know whom to tell. */
public record CaseLead(String caseId, String reference, String ownerOrganisation, String leadOfficer) {
}
