package org.casebridge.sharing.requests.app;

import java.time.Clock;

import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.sharing.requests.domain.AccessRequest;
import org.casebridge.sharing.requests.store.MongoAccessRequests;
import org.casebridge.sharing.requests.store.MongoCaseReferences;
import org.springframework.stereotype.Component;

/**
 * Each case's reference, learnt when it is opened, so access can be asked for by reference; a request that named the
 * reference before it was learnt is matched to the case then (see {@link AccessRequest#matchReference}).
 */
@Component
public class CaseReferenceMatching {

    private final MongoCaseReferences references;
    private final MongoAccessRequests requests;
    private final Clock clock;

    CaseReferenceMatching(MongoCaseReferences references, MongoAccessRequests requests, Clock clock) {
        this.references = references;
        this.requests = requests;
        this.clock = clock;
    }

    public void opened(CaseOpened opened) {
        if (opened.reference() == null) {
            return;
        }
        references.record(opened.reference(), opened.caseId(), opened.ownerOrganisation());
        for (AccessRequest waiting : requests.unmatched(opened.reference())) {
            long expected = waiting.version();
            if (waiting.matchReference(opened.caseId(), opened.caseType(), opened.ownerOrganisation(), clock.instant())) {
                requests.update(waiting, expected); // lost to a concurrent answer: nothing to match
            }
        }
    }
}
