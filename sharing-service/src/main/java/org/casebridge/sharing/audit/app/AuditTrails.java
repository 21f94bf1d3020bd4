package org.casebridge.sharing.audit.app;

import java.time.Clock;
import java.util.List;

import org.casebridge.contracts.audit.AuditRecorded;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.access.app.CaseAccessQueries;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.casebridge.sharing.audit.domain.AuditReaders;
import org.casebridge.sharing.audit.store.MongoAuditRecords;
import org.springframework.stereotype.Component;

/** The audit store: every service's records kept, and who may read a case's or a person's trail. */
@Component
public class AuditTrails {

    private final CaseAccessQueries access;
    private final MongoAuditRecords records;
    private final Clock clock;

    AuditTrails(CaseAccessQueries access, MongoAuditRecords records, Clock clock) {
        this.access = access;
        this.records = records;
        this.clock = clock;
    }

    public void keep(AuditRecorded record) {
        records.append(record);
    }

    /** For whoever manages the case and the owning organisation's administrators; newest first. */
    public List<AuditRecorded> ofCase(String caseId, CurrentUser user, int limit) {
        CaseAccess found = access.find(caseId).orElseThrow(() -> DomainException.notFound("Case " + caseId));
        if (!AuditReaders.mayRead(found, user.principals(), user.organisation(), user.roles(), clock.instant())) {
            if (found.levelOf(user.principals(), clock.instant()).isEmpty()) {
                throw DomainException.notFound("Case " + caseId);
            }
            throw DomainException.forbidden("Only the case's managers and its owner's administrators read its audit trail.");
        }
        return records.about("case", caseId, limit);
    }

    /**
     * For the data owner: the administrators of the organisation that registered the person (known from the audit
     * record of the registration); newest first.
     */
    public List<AuditRecorded> ofPerson(String personId, CurrentUser user, int limit) {
        String owner = records.about("person", personId, 10_000).stream().filter(r -> "CREATE".equals(r.action()))
                .map(AuditRecorded::organisation).findFirst()
                .orElseThrow(() -> DomainException.notFound("Person " + personId));
        if (!owner.equals(user.organisation())) {
            throw DomainException.notFound("Person " + personId);
        }
        if (!user.roles().contains("ORG_ADMIN")) {
            throw DomainException.forbidden("Only " + owner + "'s administrators read a person's audit trail.");
        }
        return records.about("person", personId, limit);
    }
}
