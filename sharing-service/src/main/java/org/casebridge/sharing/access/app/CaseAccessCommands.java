package org.casebridge.sharing.access.app;

import java.time.Clock;
import java.util.Map;

import org.bson.types.ObjectId;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.contracts.cases.CaseTransferred;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.events.OutboxEvent;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.casebridge.sharing.access.domain.Share;
import org.casebridge.sharing.access.store.MongoCaseAccess;
import org.casebridge.sharing.directory.app.PartnershipDirectory;
import org.casebridge.sharing.directory.domain.DirectoryEntry;
import org.casebridge.sharing.partnership.domain.Partnership;
import org.springframework.stereotype.Component;

/**
 * What changes a case's access: sharing, confirming the shares after a review, revoking, a case opened or transferred,
 * shares expiring and consents lapsing. Each change is all-or-nothing, retried against a newer version when another
 * change won (the platform's {@code OptimisticRetry}), and its audit record rides in the same write.
 */
@Component
public class CaseAccessCommands {

    private final MongoCaseAccess access;
    private final Partnership partnership;
    private final PartnershipDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    CaseAccessCommands(MongoCaseAccess access, Partnership partnership, PartnershipDirectory directory, AuditTrail audit,
            Clock clock) {
        this.access = access;
        this.partnership = partnership;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Shares a case the caller manages. A named user's organisation is the directory's, never what the sharer typed
     * ({@code asked.recipientOrganisation()}, if given, must match it).
     */
    public Share share(String caseId, CaseAccess.ShareRequest asked, CurrentUser user) {
        String shareId = new ObjectId().toHexString();
        String recipientOrganisation = asked.kind() == PrincipalKind.USER ? organisationOfUser(asked)
                : asked.recipientOrganisation(); // an organisation's or team's own is in the partnership; CaseAccess compares
        CaseAccess.ShareRequest request = new CaseAccess.ShareRequest(asked.kind(), asked.principal(), recipientOrganisation,
                asked.level(), asked.reason(), asked.expiresAt(), asked.consent(), asked.lawfulBasis(), asked.consentUntil());
        return access.change(caseId, c -> c.share(user.principals(), user.id(), shareId, request, partnership, clock.instant()),
                made -> audit.entry(user, "SHARE", "case", caseId, "manage", null, Map.of("share",
                        Map.of("after", made.principalKey() + " " + made.level() + " under " + made.agreement()))));
    }

    /**
     * A share made by answering a request (see the requests feature): {@code audit} is the record of the answer, stored
     * with the share it makes, so the access given is never stored without it.
     */
    public Share share(String caseId, CaseAccess.ShareRequest request, CurrentUser user, OutboxEvent audit) {
        String shareId = new ObjectId().toHexString();
        return access.change(caseId, c -> c.share(user.principals(), user.id(), shareId, request, partnership,
                clock.instant()), made -> audit);
    }

    /**
     * Sharing with a named user naming the owner's organisation would otherwise skip the sharing agreement.
     */
    private String organisationOfUser(CaseAccess.ShareRequest request) {
        DirectoryEntry entry = directory.activeUser(request.principal())
                .orElseThrow(() -> DomainException.invalid("No active user " + request.principal()
                        + " in the partnership directory (a user is listed once they have signed in to CaseBridge)."));
        if (request.recipientOrganisation() != null && !request.recipientOrganisation().equals(entry.organisation())) {
            throw DomainException.invalid("User " + request.principal() + " does not belong to "
                    + request.recipientOrganisation() + "; leave the organisation out, it is taken from the directory.");
        }
        return entry.organisation();
    }

    /** Its managers confirm the shares left after a review. */
    public CaseAccess confirmShares(String caseId, CurrentUser user) {
        return access.change(caseId, c -> {
            c.confirmShares(user.principals(), clock.instant());
            return c;
        }, c -> audit.entry(user, "CONFIRM_SHARES", "case", caseId, "manage", null, null));
    }

    public void revoke(String caseId, String shareId, CurrentUser user) {
        access.change(caseId, c -> {
            c.revoke(user.principals(), shareId, clock.instant());
            return null;
        }, none -> audit.entry(user, "REVOKE_SHARE", "case", caseId, "manage", null,
                Map.of("share", Map.of("before", shareId))));
    }

    /** A newly opened case gets its initial effective access: the owner organisation alone. A redelivery changes nothing. */
    public void opened(CaseOpened opened) {
        access.insertOnce(CaseAccess.forOpenedCase(opened.caseId(), opened.caseType(), opened.ownerOrganisation(),
                opened.restricted(), clock.instant()));
    }

    /** A transferred case is re-granted to its new owner. */
    public void transferred(CaseTransferred transferred) {
        access.change(transferred.caseId(), current -> {
            current.transferTo(transferred.toOrganisation(), clock.instant());
            return null;
        });
    }

    /**
     * Expiry takes effect on time without anyone acting: shares whose time has come are dropped (a new decision is
     * published); a consent that lapses puts the case's shares up for review. Run twice (two instances), the second
     * finds nothing left to do.
     */
    public void expireAndLapse() {
        for (String caseId : access.withSharesExpiredBy(clock.instant())) {
            access.find(caseId).ifPresent(current -> {
                long expected = current.version();
                if (current.expireShares(clock.instant())) {
                    access.update(current, expected); // a concurrent change re-decides anyway; next pass catches the rest
                }
            });
        }
        for (String caseId : access.withConsentLapsedBy(clock.instant())) {
            access.find(caseId).ifPresent(current -> {
                long expected = current.version();
                if (current.noticeLapsedConsents(clock.instant())) {
                    access.update(current, expected);
                }
            });
        }
    }
}
