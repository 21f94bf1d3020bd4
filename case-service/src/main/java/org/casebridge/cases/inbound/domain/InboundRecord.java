package org.casebridge.cases.inbound.domain;

import java.time.Instant;

import org.casebridge.cases.domain.CaseType;
import org.casebridge.platform.domain.DomainException;

/**
 * A record a partner system pushes in, so nobody keys it twice: an INCIDENT for a case's log, a REFERRAL that becomes
 * a case, or a PERSON for party matching. Each is idempotent by the partner's own {@code externalId}. The format is in
 * docs/integration-guide.md.
 */
public record InboundRecord(String externalId, Kind kind, Incident incident, Referral referral, Object person) {

    public enum Kind { INCIDENT, REFERRAL, PERSON }

    /**
     * @param caseReference CaseBridge's reference ({@code ASB-2026-000123}), or
     * @param caseExternalReference the partner's own reference given when it referred the case
     */
    public record Incident(String caseReference, String caseExternalReference, Instant occurredAt, String text) {
    }

    /** @param externalReference the partner's own reference, by which its later incidents find this case */
    public record Referral(CaseType type, String title, String summary, String leadOfficer, String externalReference) {
    }

    /** Checks what case-service acts on; a PERSON record is party-service's to check. */
    public void validate() {
        if (externalId == null || externalId.isBlank() || externalId.length() > 100) {
            throw DomainException.invalid("An inbound record needs an externalId of at most 100 characters.");
        }
        if (kind == null) {
            throw DomainException.invalid("An inbound record needs a kind: INCIDENT, REFERRAL or PERSON.");
        }
        switch (kind) {
            case INCIDENT -> {
                if (incident == null || incident.text() == null || incident.text().isBlank()) {
                    throw DomainException.invalid("An incident needs its text.");
                }
                if (incident.text().length() > 10_000) {
                    throw DomainException.invalid("An incident's text is at most 10,000 characters.");
                }
                if ((incident.caseReference() == null) == (incident.caseExternalReference() == null)) {
                    throw DomainException.invalid("An incident names its case by caseReference or by caseExternalReference.");
                }
            }
            case REFERRAL -> {
                if (referral == null || referral.type() == null || referral.title() == null || referral.title().isBlank()) {
                    throw DomainException.invalid("A referral needs a case type and a title.");
                }
                if (referral.title().length() > 200) {
                    throw DomainException.invalid("A referral's title is at most 200 characters.");
                }
            }
            case PERSON -> {
                if (person == null) {
                    throw DomainException.invalid("A person record needs the person.");
                }
            }
        }
    }

    /** How the incident reads on the case log. */
    public String logText(String organisation) {
        String when = incident.occurredAt() == null ? "" : " at " + incident.occurredAt();
        return "[" + organisation + " incident " + externalId + when + "] " + incident.text().strip();
    }
}
