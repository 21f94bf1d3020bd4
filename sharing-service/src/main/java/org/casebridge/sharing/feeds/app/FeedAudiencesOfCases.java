package org.casebridge.sharing.feeds.app;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.casebridge.contracts.access.CaseAccessChanged;
import org.casebridge.platform.kafka.NotYetKnown;
import org.casebridge.sharing.feeds.domain.FeedAudience;
import org.casebridge.sharing.feeds.store.MongoFeedAudiences;
import org.casebridge.sharing.partnership.domain.Partnership;
import org.springframework.stereotype.Component;

/** Which organisations' partner feeds carry each case, as its access decisions say. */
@Component
public class FeedAudiencesOfCases {

    private final MongoFeedAudiences audiences;
    private final Partnership partnership;
    private final Clock clock;

    FeedAudiencesOfCases(MongoFeedAudiences audiences, Partnership partnership, Clock clock) {
        this.audiences = audiences;
        this.partnership = partnership;
        this.clock = clock;
    }

    /**
     * A new decision on a case: each organisation that loses the case is told first ({@code tellLost}), then the new
     * audience is kept; if telling fails, nothing is kept and the decision is handled again.
     */
    public void decided(CaseAccessChanged decision, Consumer<String> tellLost) {
        Set<String> now = FeedAudience.of(decision, partnership, clock.instant());
        Set<String> before = audiences.of(decision.caseId()).orElse(Set.of());
        Set<String> lost = new TreeSet<>(before);
        lost.removeAll(now);
        lost.forEach(tellLost);
        audiences.save(decision.caseId(), now);
    }

    /**
     * The decision on a case comes from this service, just after case-service announces the case: until it has been
     * seen here the event waits, however long that takes ({@link NotYetKnown}: retried without bound, never
     * dead-lettered), rather than going to nobody or being dropped.
     */
    public Set<String> sharedWith(String caseId) {
        return audiences.of(caseId).orElseThrow(() -> new NotYetKnown(
                "no access decision seen yet for case " + caseId + "; the event waits for it"));
    }
}
