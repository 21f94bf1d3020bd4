package org.casebridge.sharing.partnership.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * An information-sharing agreement the partners signed: which organisations are parties, which case types it
 * covers, on what lawful basis, and when it is in force. Sharing a case outside every agreement is refused.
 */
public record Agreement(String code, String name, Set<String> parties, Set<String> caseTypes, String lawfulBasis,
        LocalDate startDate, LocalDate endDate, boolean active) {

    /** Whether a case of {@code caseType} owned by {@code owner} may be shared with {@code recipient} on {@code day}. */
    public boolean covers(String owner, String recipient, String caseType, LocalDate day) {
        return active && parties.contains(owner) && parties.contains(recipient) && caseTypes.contains(caseType)
                && !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }
}
