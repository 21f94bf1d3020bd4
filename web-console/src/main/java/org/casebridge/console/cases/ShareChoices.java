package org.casebridge.console.cases;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.casebridge.console.api.Api;
import org.casebridge.console.web.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * Whom a case may be shared with, for the case page's "Share with" form ({@code ${@shareChoices.organisations()}}):
 * the partnership's organisations and its practitioners, grouped under their organisation's name. Read from
 * {@link ReferenceData} only when the form is shown, i.e. to those who manage the case.
 */
@Component("shareChoices")
public class ShareChoices {

    private final Api api;
    private final ReferenceData reference;

    ShareChoices(Api api, ReferenceData reference) {
        this.api = api;
        this.reference = reference;
    }

    public List<Map<String, Object>> organisations() {
        return reference.organisations(api.asUser()).stream()
                .sorted(Comparator.comparing(o -> String.valueOf(o.get("name")))).toList();
    }

    /** Organisation name to its practitioners, both in alphabetical order. */
    public Map<String, List<Map<String, Object>>> practitioners() {
        Api.Caller user = api.asUser();
        return reference.practitioners(user).stream().collect(Collectors.groupingBy(
                p -> reference.organisationName(user, String.valueOf(p.get("organisation"))), TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), people -> people.stream()
                        .sorted(Comparator.comparing(p -> String.valueOf(p.get("name")))).toList())));
    }
}
