package org.casebridge.cases.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.casebridge.platform.access.AccessList;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What a practitioner looks for among the cases they may see; every field is optional and they combine with AND.
 *
 * @param text words that must all appear in the reference, title or summary
 * @param locationIds cases linked to any of these locations (a postcode or area resolves to its locations)
 * @param reviewOverdueOn cases still open whose next review date is before this day
 */
public record CaseSearch(String reference, String type, String status, String riskBand, String ownerOrganisation,
        String leadOfficer, String personId, List<String> locationIds, Instant openedFrom, Instant openedTo, String text,
        LocalDate reviewOverdueOn, Boolean caseReviewDue) {

    public static CaseSearch everything() {
        return new CaseSearch(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    Criteria criteria(List<String> principals) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where(AccessList.VIEW_FIELD).in(principals));
        if (reference != null) {
            all.add(Criteria.where("reference").is(reference));
        }
        if (type != null) {
            all.add(Criteria.where("type").is(type));
        }
        if (status != null) {
            all.add(Criteria.where("status").is(status));
        }
        if (riskBand != null) {
            all.add(Criteria.where("riskBand").is(riskBand));
        }
        if (ownerOrganisation != null) {
            all.add(Criteria.where("ownerOrganisation").is(ownerOrganisation));
        }
        if (leadOfficer != null) {
            all.add(Criteria.where("leadOfficer").is(leadOfficer));
        }
        if (personId != null) {
            all.add(Criteria.where("linkedPeople").is(personId));
        }
        if (locationIds != null) {
            all.add(Criteria.where("links").elemMatch(Criteria.where("target").is("LOCATION").and("targetId").in(locationIds)));
        }
        if (openedFrom != null) {
            all.add(Criteria.where("openedAt").gte(openedFrom));
        }
        if (openedTo != null) {
            all.add(Criteria.where("openedAt").lt(openedTo));
        }
        if (text != null) {
            List<String> words = SearchTokens.words(text);
            if (!words.isEmpty()) {
                all.add(Criteria.where("searchTokens").all(words));
            }
        }
        if (reviewOverdueOn != null) {
            all.add(Criteria.where("status").ne("CLOSED"));
            all.add(Criteria.where("nextReviewDate").lt(reviewOverdueOn));
        }
        if (caseReviewDue != null) {
            all.add(Criteria.where("caseReviewDue").is(caseReviewDue));
        }
        return new Criteria().andOperator(all.toArray(Criteria[]::new));
    }
}
