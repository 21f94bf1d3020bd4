package org.casebridge.sharing.requests.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.contracts.access.CaseAccessChanged.PrincipalKind;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.access.app.CaseAccessCommands;
import org.casebridge.sharing.access.app.CaseAccessQueries;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.casebridge.sharing.access.domain.Share;
import org.casebridge.sharing.requests.domain.AccessRequest;
import org.casebridge.sharing.requests.store.MongoAccessRequests;
import org.springframework.stereotype.Component;

/**
 * Answering an access request. A case request is answered by those who manage the case; a person request by the asked
 * organisation's supervisors and administrators; a request about no known case by nobody (to anyone else it does not
 * exist). Approving a case request writes two documents, in this order: the share on the case's access (with the
 * record of approving, so the access given is never stored without it), then the request, approved with the share's id.
 */
@Component
public class AccessRequestDecisions {

    private final MongoAccessRequests requests;
    private final CaseAccessCommands accessCommands;
    private final CaseAccessQueries access;
    private final AuditTrail audit;
    private final Clock clock;

    AccessRequestDecisions(MongoAccessRequests requests, CaseAccessCommands accessCommands, CaseAccessQueries access,
            AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.accessCommands = accessCommands;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * For a case: a share of the requester's own at {@code level} (VIEW unless said) until {@code expiresAt} (90 days
     * unless said). For a person: the requester is told to contact the approver, with {@code message}.
     */
    public AccessRequest approve(String id, AccessLevel level, Instant expiresAt, String message, CurrentUser user) {
        AccessRequest request = decidable(id, user);
        request.requirePending();
        long expected = request.version();
        Instant now = clock.instant();
        if (request.subject() == AccessRequest.Subject.PERSON) {
            request.approveWithContact(user.name(), message, user.id(), now);
            if (!requests.update(request, expected, audit.entry(user, "APPROVE_ACCESS", "person", request.personId(),
                    "manage", null, Map.of("contact", Map.of("after", request.requestedBy() + " told to contact " + user.id()))))) {
                throw DomainException.conflict("Someone else answered this request meanwhile.");
            }
            return request;
        }
        Instant until = AccessRequest.termEnding(expiresAt, now);
        AccessLevel granted = level == null ? AccessLevel.VIEW : level;
        Share share = accessCommands.share(request.caseId(), new CaseAccess.ShareRequest(PrincipalKind.USER,
                request.requestedBy(), request.requesterOrganisation(), granted, "Access request: " + request.reason(), until,
                Share.Consent.NOT_NEEDED, null), user, audit.entry(user, "APPROVE_ACCESS", "case", request.caseId(),
                "manage", null, Map.of("share", Map.of("after", request.requestedBy() + " " + granted + " until " + until))));
        request.approve(share.id(), granted, until, user.id(), now);
        if (!requests.update(request, expected)) {
            throw DomainException.conflict("Someone else answered this request meanwhile.");
        }
        return request;
    }

    /** Declined with a reason the requester will see. */
    public AccessRequest decline(String id, String reason, CurrentUser user) {
        AccessRequest request = decidable(id, user);
        long expected = request.version();
        request.decline(reason, user.id(), clock.instant());
        boolean person = request.subject() == AccessRequest.Subject.PERSON;
        if (!requests.update(request, expected, audit.entry(user, "DECLINE_ACCESS", person ? "person" : "case",
                person ? request.personId() : request.caseId(), "manage", reason, null))) {
            throw DomainException.conflict("Someone else answered this request meanwhile.");
        }
        return request;
    }

    private AccessRequest decidable(String id, CurrentUser user) {
        AccessRequest request = requests.find(id).orElseThrow(() -> DomainException.notFound("Access request " + id));
        if (!answers(request, user)) {
            throw DomainException.notFound("Access request " + id);
        }
        return request;
    }

    /** Whether the caller is one who answers this request. */
    boolean answers(AccessRequest request, CurrentUser user) {
        if (request.subject() == AccessRequest.Subject.PERSON) {
            return request.ownerOrganisation().equals(user.organisation())
                    && (user.hasRole("SUPERVISOR") || user.hasRole("ORG_ADMIN"));
        }
        return request.caseId() != null
                && access.levelOf(request.caseId(), user).filter(level -> level == AccessLevel.MANAGE).isPresent();
    }
}
