package org.casebridge.contracts.cases;

import java.time.Instant;

/**
 * {@code casebridge.case.opened.v1}: a partner opened a case. Subject = case id.
 *
 * @param reference human reference such as {@code ASB-2026-000123}
 * @param leadOfficer user id ({@code sub}) of the officer leading the case
 * @param restricted restricted types (domestic abuse, child sexual exploitation) are shared with named users only
 * @param team team code, or null
 */
public record CaseOpened(
        String caseId,
        String reference,
        String caseType,
        boolean restricted,
        String title,
        String status,
        String ownerOrganisation,
        String leadOfficer,
        String team,
        String openedBy,
        Instant openedAt) {
}
