package org.casebridge.console.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Find a case: by reference, words, postcode, type, status or risk band. */
public record CaseSearchForm(String reference, String q, String postcode, String type, String status, String riskBand) {

    /** The API's query as a URI template with its values, so that the client encodes each value once. */
    record Query(String template, Object[] values) {
    }

    Query query() {
        StringBuilder template = new StringBuilder("/api/v1/cases?limit=50");
        List<Object> values = new ArrayList<>();
        add(template, values, "reference", reference == null ? null : reference.strip().toUpperCase(Locale.UK));
        add(template, values, "q", q);
        add(template, values, "postcode", postcode == null ? null : postcode.strip().toUpperCase(Locale.UK));
        add(template, values, "type", type);
        add(template, values, "status", status);
        add(template, values, "riskBand", riskBand);
        return new Query(template.toString(), values.toArray());
    }

    private static void add(StringBuilder template, List<Object> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            template.append('&').append(name).append("={").append(name).append('}');
            values.add(value.strip());
        }
    }
}
