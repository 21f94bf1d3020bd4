package org.casebridge.sharing.audit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.sharing.access.domain.CaseAccess;

/**
 * Who may read a case's audit trail ("who looked at this, when, from where, and why were they allowed"): whoever
 * manages the case, and the owning organisation's administrators.
 */
public final class AuditReaders {

    private AuditReaders() {
    }

    public static boolean mayRead(CaseAccess access, List<String> principals, String organisation, Set<String> roles,
            Instant now) {
        boolean manages = access.levelOf(principals, now).filter(level -> level == AccessLevel.MANAGE).isPresent();
        boolean ownersAdmin = roles.contains("ORG_ADMIN") && access.ownerOrganisation().equals(organisation);
        return manages || ownersAdmin;
    }
}
