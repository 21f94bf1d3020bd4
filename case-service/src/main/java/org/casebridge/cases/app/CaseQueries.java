package org.casebridge.cases.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.casebridge.cases.domain.Case;
import org.casebridge.cases.domain.CaseSearch;
import org.casebridge.cases.domain.LogEntry;
import org.casebridge.cases.domain.PartnershipCounts;
import org.casebridge.cases.store.MongoCases;
import org.casebridge.cases.store.MongoCases.VisibleCase;
import org.casebridge.cases.store.MongoKnownLocations;
import org.casebridge.contracts.access.CaseAccessChanged.AccessLevel;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Reading cases: only what the caller may see, and every read of personal data audited (titles and summaries can
 * hold names and addresses).
 */
@Service
public class CaseQueries {

    private static final Set<String> MAY_COUNT = Set.of("ANALYST", "PARTNERSHIP_ADMIN", "SUPERVISOR");

    private final CaseGuard guard;
    private final MongoCases cases;
    private final MongoKnownLocations locations;
    private final AuditTrail audit;
    private final Clock clock;

    CaseQueries(CaseGuard guard, MongoCases cases, MongoKnownLocations locations, AuditTrail audit, Clock clock) {
        this.guard = guard;
        this.cases = cases;
        this.locations = locations;
        this.audit = audit;
        this.clock = clock;
    }

    /** A case as the caller may see it now, and the rule that lets them (for an idempotent replay's audit record). */
    public record Seen(Case value, String grantedBy) {
    }

    /** {@code total} is null when the caller asked for none. */
    public record CasePage(List<Case> items, String nextCursor, Long total) {
    }

    public Optional<Seen> visible(String id, CurrentUser user) {
        return cases.findVisible(id, user.principals()).map(found -> new Seen(found.value(), CaseGuard.grantedBy(found, user)));
    }

    public Case read(String id, CurrentUser user, String purpose) {
        VisibleCase found = cases.findVisible(id, user.principals())
                .orElseThrow(() -> DomainException.notFound("Case " + id));
        audit.record(user, "READ", "case", id, CaseGuard.grantedBy(found, user), purpose, null);
        return found.value();
    }

    /** Links, risk assessments and interventions. */
    public Case details(String id, CurrentUser user, String purpose) {
        VisibleCase found = guard.load(id, user, AccessLevel.VIEW);
        audit.record(user, "READ_DETAILS", "case", id, CaseGuard.grantedBy(found, user), purpose, null);
        return found.value();
    }

    /** The case log, oldest first; entries kept to one organisation show only to it. */
    public List<LogEntry> log(String id, CurrentUser user, String purpose) {
        VisibleCase found = guard.load(id, user, AccessLevel.VIEW);
        audit.record(user, "READ_LOG", "case", id, CaseGuard.grantedBy(found, user), purpose, null);
        return found.value().logVisibleTo(user.organisation());
    }

    /**
     * One page of the cases the caller may see that match, newest first, after the cursor (a case id); with their
     * total unless {@code withTotal} is false (counting scans every match: a page that shows no count asks for none).
     */
    public CasePage find(CurrentUser user, CaseSearch search, String after, int limit, boolean withTotal) {
        // one more than asked for says whether a next page exists; it is neither shown nor audited
        List<Case> found = cases.search(user.principals(), search, after, limit + 1).stream().map(VisibleCase::value).toList();
        List<Case> page = found.size() > limit ? found.subList(0, limit) : found;
        // titles can hold names and addresses: every case shown is a read of personal data; and the search itself,
        // with its terms, even when it found nothing (both in one write)
        audit.recordEachAndSearch(user, "LIST", "case", page.stream().map(Case::id).toList(), search, null);
        String next = found.size() > limit ? page.get(page.size() - 1).id() : null;
        return new CasePage(page, next, withTotal ? cases.count(user.principals(), search) : null);
    }

    /** Cases whose next review date has passed. */
    public CasePage overdueReviews(CurrentUser user, String after, int limit, boolean withTotal) {
        CaseSearch search = new CaseSearch(null, null, null, null, null, null, null, null, null, null, null,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), null);
        return find(user, search, after, limit, withTotal);
    }

    /** A postcode or district stands for the locations in it; with a location too, that location if it is in it. */
    public List<String> locationIds(String location, String postcode) {
        if (postcode == null) {
            return location == null ? null : List.of(location);
        }
        List<String> inArea = locations.inPostcode(postcode);
        return location == null ? inArea : inArea.stream().filter(location::equals).toList();
    }

    /** Cases whose lead is offered to the caller's organisation. */
    public List<Case> incomingTransfers(CurrentUser user) {
        List<Case> offered = cases.offeredTo(user.organisation()).stream().map(VisibleCase::value).toList();
        // titles and summaries of cases the caller cannot otherwise see: each shown is a read
        audit.recordEach(user, "LIST_INCOMING_TRANSFER", "case", offered.stream().map(Case::id).toList(), null);
        return offered;
    }

    /** Cases opened, closed and live per organisation and type: counts only, for analysts and supervisors. */
    public List<PartnershipCounts.Row> counts(CurrentUser user, Instant from, Instant to) {
        if (user.roles().stream().noneMatch(MAY_COUNT::contains)) {
            throw DomainException.forbidden("Partnership counts are for analysts, supervisors and partnership administrators.");
        }
        return PartnershipCounts.count(cases.factsOpenedBefore(to), from, to);
    }
}
