package org.casebridge.sharing.access.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casebridge.platform.events.AggregateDocument;
import org.casebridge.sharing.access.domain.CaseAccess;
import org.casebridge.sharing.access.domain.Share;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(MongoCaseAccess.COLLECTION)
class CaseAccessDocument extends AggregateDocument {

    @Id
    String caseId;
    String caseType;
    String ownerOrganisation;
    boolean restricted;
    List<Share> shares = new ArrayList<>();
    /** When the next share runs out, so the expiry job finds the cases it must re-decide. */
    @org.springframework.data.mongodb.core.index.Indexed(sparse = true)
    Instant nextExpiry;
    Instant decidedAt;
    /** Why the shares wait for a manager's review, if they do. */
    CaseAccess.Review review;
    List<String> lapsedConsentsNoticed = new ArrayList<>();
    /** When the next given consent lapses, so the expiry job finds the cases to put up for review. */
    @org.springframework.data.mongodb.core.index.Indexed(sparse = true)
    Instant nextConsentLapse;
    long version;

    static CaseAccessDocument of(CaseAccess access) {
        CaseAccessDocument doc = new CaseAccessDocument();
        doc.caseId = access.caseId();
        doc.caseType = access.caseType();
        doc.ownerOrganisation = access.ownerOrganisation();
        doc.restricted = access.restricted();
        doc.shares = new ArrayList<>(access.shares());
        doc.nextExpiry = access.shares().stream().map(Share::expiresAt).filter(java.util.Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
        doc.decidedAt = access.decidedAt();
        doc.review = access.review();
        doc.lapsedConsentsNoticed = new ArrayList<>(access.lapsedConsentsNoticed());
        doc.nextConsentLapse = access.shares().stream()
                .filter(s -> s.consentUntil() != null && !access.lapsedConsentsNoticed().contains(s.id()))
                .map(Share::consentUntil).min(Instant::compareTo).orElse(null);
        doc.version = access.version();
        return doc;
    }

    CaseAccess toCaseAccess() {
        return CaseAccess.restore(caseId, caseType, ownerOrganisation, restricted, shares, decidedAt, review,
                lapsedConsentsNoticed, version);
    }
}
