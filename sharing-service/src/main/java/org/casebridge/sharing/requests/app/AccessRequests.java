package org.casebridge.sharing.requests.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.access.app.CaseAccessQueries;
import org.casebridge.sharing.partnership.domain.Partnership;
import org.casebridge.sharing.requests.domain.AccessRequest;
import org.casebridge.sharing.requests.store.MongoAccessRequests;
import org.casebridge.sharing.requests.store.MongoCaseReferences;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Asking for access to a case (by id or by its reference) or to what another organisation knows of a person, and the
 * lists of requests. Asking tells the requester nothing about cases they cannot see: a request naming no known case is
 * kept and answered like one that does.
 */
@Component
public class AccessRequests {

    private final MongoAccessRequests requests;
    private final MongoCaseReferences references;
    private final CaseAccessQueries access;
    private final AccessRequestDecisions decisions;
    private final Partnership partnership;
    private final AuditTrail audit;
    private final Clock clock;
    private final int perUser;
    private final Duration window;

    AccessRequests(MongoAccessRequests requests, MongoCaseReferences references, CaseAccessQueries access,
            AccessRequestDecisions decisions, Partnership partnership, AuditTrail audit, Clock clock,
            @Value("${casebridge.access-requests.per-user}") int perUser,
            @Value("${casebridge.access-requests.window}") Duration window) {
        this.requests = requests;
        this.references = references;
        this.access = access;
        this.decisions = decisions;
        this.partnership = partnership;
        this.audit = audit;
        this.clock = clock;
        this.perUser = perUser;
        this.window = window;
    }

    /** What is asked about: a {@code caseId}, a {@code reference}, or a {@code personId} with the organisation that knows them. */
    public record Asked(String caseId, String reference, String personId, String organisation, String reason) {
    }

    /**
     * @throws TooManyRequests when the user asked too often within the window (counted in MongoDB, so every instance and
     *         a restart agree; free again when the oldest leaves the window)
     */
    public AccessRequest ask(Asked asked, CurrentUser user) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation.");
        }
        Instant now = clock.instant();
        List<Instant> recent = requests.madeSince(user.id(), now.minus(window));
        if (recent.size() >= perUser) {
            throw new TooManyRequests(perUser, window, Duration.between(now, recent.get(recent.size() - perUser).plus(window)));
        }
        int named = (asked.caseId() != null ? 1 : 0) + (asked.reference() != null ? 1 : 0) + (asked.personId() != null ? 1 : 0);
        if (named != 1 || (asked.personId() != null) != (asked.organisation() != null)) {
            throw DomainException.invalid("Name a case (caseId or reference), or a person (personId) with the organisation "
                    + "that knows them.");
        }
        return asked.personId() != null ? aboutPerson(asked, user, now)
                : asked.reference() != null ? byReference(asked, user, now) : byId(asked, user, now);
    }

    private AccessRequest byId(Asked asked, CurrentUser user, Instant now) {
        // asked twice: the same 409 whether or not a case is behind it (the first request is kept either way)
        if (requests.pendingFor(asked.caseId(), user.id())) {
            throw DomainException.conflict("You already asked for access to this case; wait for the answer.");
        }
        var found = access.find(asked.caseId());
        AccessRequest request = found.isPresent()
                ? AccessRequest.ask(requests.newId(), asked.caseId(), found.get().caseType(),
                        found.get().ownerOrganisation(), user.id(), user.organisation(), asked.reason(),
                        found.get().levelOf(user.principals(), now).isPresent(), now)
                : AccessRequest.askAboutNoKnownCase(requests.newId(), asked.caseId(), user.id(), user.organisation(),
                        asked.reason(), now);
        requests.insert(request, audit.entry(user, "REQUEST_ACCESS", "case", asked.caseId(), "requester", asked.reason(),
                null));
        return request;
    }

    /** A reference no case has is kept like one that names a case, and so answered the same. */
    private AccessRequest byReference(Asked asked, CurrentUser user, Instant now) {
        var found = references.caseNamed(asked.reference()).flatMap(access::find);
        if (requests.pendingForReference(asked.reference(), user.id())
                || found.isPresent() && requests.pendingFor(found.get().caseId(), user.id())) {
            throw DomainException.conflict("You already asked for access to this case; wait for the answer.");
        }
        AccessRequest request = found.isPresent()
                ? AccessRequest.ask(requests.newId(), found.get().caseId(), asked.reference(), found.get().caseType(),
                        found.get().ownerOrganisation(), user.id(), user.organisation(), asked.reason(),
                        found.get().levelOf(user.principals(), now).isPresent(), now)
                : AccessRequest.askAboutNoKnownReference(requests.newId(), asked.reference(), user.id(), user.organisation(),
                        asked.reason(), now);
        requests.insert(request, audit.entry(user, "REQUEST_ACCESS", "case",
                request.caseId() != null ? request.caseId() : asked.reference(), "requester", asked.reason(), null));
        return request;
    }

    private AccessRequest aboutPerson(Asked asked, CurrentUser user, Instant now) {
        if (!partnership.isMember(asked.organisation())) {
            throw DomainException.invalid("No partner organisation " + asked.organisation() + ".");
        }
        if (requests.pendingForPerson(asked.personId(), asked.organisation(), user.id())) {
            throw DomainException.conflict("You already asked this organisation about this person; wait for the answer.");
        }
        AccessRequest request = AccessRequest.askAboutPerson(requests.newId(), asked.personId(), asked.organisation(),
                user.id(), user.organisation(), asked.reason(), now);
        requests.insert(request, audit.entry(user, "REQUEST_ACCESS", "person", asked.personId(), "requester",
                asked.reason(), null));
        return request;
    }

    /** Requests the caller answers, about their organisation's cases and people, newest first. */
    public List<AccessRequest> toMyOrganisation(CurrentUser user, AccessRequest.Status status, int limit) {
        if (user.organisation() == null) {
            throw DomainException.forbidden("Your account belongs to no organisation.");
        }
        return requests.toOrganisation(user.organisation(), status, limit).stream()
                .filter(r -> decisions.answers(r, user)).toList();
    }

    /** The caller's own requests, newest first. */
    public List<AccessRequest> mine(CurrentUser user, int limit) {
        return requests.by(user.id(), limit);
    }
}
