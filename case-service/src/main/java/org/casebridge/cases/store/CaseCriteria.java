package org.casebridge.cases.store;

import java.util.ArrayList;
import java.util.List;

import org.casebridge.cases.domain.CaseSearch;
import org.casebridge.platform.access.AccessList;
import org.springframework.data.mongodb.core.query.Criteria;

/** A search as a MongoDB query, always within what the caller may see. */
final class CaseCriteria {

    private CaseCriteria() {
    }

    static Criteria of(CaseSearch search, List<String> principals) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where(AccessList.VIEW_FIELD).in(principals));
        if (search.reference() != null) {
            all.add(Criteria.where("reference").is(search.reference()));
        }
        if (search.type() != null) {
            all.add(Criteria.where("type").is(search.type()));
        }
        if (search.status() != null) {
            all.add(Criteria.where("status").is(search.status()));
        }
        if (search.riskBand() != null) {
            all.add(Criteria.where("riskBand").is(search.riskBand()));
        }
        if (search.ownerOrganisation() != null) {
            all.add(Criteria.where("ownerOrganisation").is(search.ownerOrganisation()));
        }
        if (search.leadOfficer() != null) {
            all.add(Criteria.where("leadOfficer").is(search.leadOfficer()));
        }
        if (search.personId() != null) {
            all.add(Criteria.where("linkedPeople").is(search.personId()));
        }
        if (search.locationIds() != null) {
            all.add(Criteria.where("links").elemMatch(Criteria.where("target").is("LOCATION").and("targetId").in(search.locationIds())));
        }
        if (search.openedFrom() != null) {
            all.add(Criteria.where("openedAt").gte(search.openedFrom()));
        }
        if (search.openedTo() != null) {
            all.add(Criteria.where("openedAt").lt(search.openedTo()));
        }
        if (search.text() != null) {
            List<String> words = SearchTokens.words(search.text());
            if (!words.isEmpty()) {
                all.add(Criteria.where("searchTokens").all(words));
            }
        }
        if (search.reviewOverdueOn() != null) {
            all.add(Criteria.where("status").ne("CLOSED"));
            all.add(Criteria.where("nextReviewDate").lt(search.reviewOverdueOn()));
        }
        if (search.caseReviewDue() != null) {
            all.add(Criteria.where("caseReviewDue").is(search.caseReviewDue()));
        }
        return new Criteria().andOperator(all.toArray(Criteria[]::new));
    }
}
