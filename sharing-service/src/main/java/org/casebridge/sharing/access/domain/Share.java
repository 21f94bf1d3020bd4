package org.casebridge.sharing.access.domain;

import java.time.Instant;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;

/**
 * A case shared with an organisation, a team or a named user, at a level, for a reason, under an agreement.
 *
 * @param recipientOrganisation the organisation the principal belongs to (the agreement is checked against it)
 * @param agreement the agreement's code, or null when no agreement was needed (within the owner's organisation)
 * @param consent what the person the case is about said: GIVEN, NOT_NEEDED, or REFUSED (sharing then rests on the
 *        lawful basis alone, which is recorded)
 * @param lawfulBasis the basis the share rests on (the agreement's, unless the sharer names one)
 * @param consentUntil when consent that was given lapses (it puts the case's shares up for review), or null
 */
public record Share(String id, PrincipalKind kind, String principal, String recipientOrganisation, AccessLevel level,
        String reason, String agreement, Consent consent, String lawfulBasis, String sharedBy, Instant sharedAt,
        Instant expiresAt, Instant consentUntil) {

    public Share(String id, PrincipalKind kind, String principal, String recipientOrganisation, AccessLevel level,
            String reason, String agreement, Consent consent, String lawfulBasis, String sharedBy, Instant sharedAt,
            Instant expiresAt) {
        this(id, kind, principal, recipientOrganisation, level, reason, agreement, consent, lawfulBasis, sharedBy, sharedAt,
                expiresAt, null);
    }

    /** Consent was given until a day that has come. */
    public boolean consentLapsedAt(Instant now) {
        return consent == Consent.GIVEN && consentUntil != null && !consentUntil.isAfter(now);
    }

    public enum Consent { GIVEN, NOT_NEEDED, REFUSED }

    public boolean isLiveAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    public String principalKey() {
        return switch (kind) {
            case ORGANISATION -> "org:" + principal;
            case TEAM -> "team:" + principal;
            case USER -> "user:" + principal;
        };
    }
}
