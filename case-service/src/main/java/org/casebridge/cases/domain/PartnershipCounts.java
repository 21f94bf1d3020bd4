package org.casebridge.cases.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The partnership's case counts for a period, per owning organisation and case type: no personal data, only numbers.
 * A case is <em>live</em> at the end of the period when it was opened before then and not closed by then.
 */
public final class PartnershipCounts {

    /** The little a count needs to know about a case. */
    public record CaseFacts(String organisation, String type, Instant openedAt, Instant closedAt) {
    }

    public record Row(String organisation, String type, long opened, long closed, long live) {
    }

    private PartnershipCounts() {
    }

    public static List<Row> count(Iterable<CaseFacts> cases, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw org.casebridge.platform.domain.DomainException.invalid("The period must end after it starts.");
        }
        Map<String, long[]> tally = new TreeMap<>();
        for (CaseFacts c : cases) {
            long[] counts = tally.computeIfAbsent(c.organisation() + "|" + c.type(), k -> new long[3]);
            if (!c.openedAt().isBefore(from) && c.openedAt().isBefore(to)) {
                counts[0]++;
            }
            if (c.closedAt() != null && !c.closedAt().isBefore(from) && c.closedAt().isBefore(to)) {
                counts[1]++;
            }
            if (c.openedAt().isBefore(to) && (c.closedAt() == null || !c.closedAt().isBefore(to))) {
                counts[2]++;
            }
        }
        return tally.entrySet().stream()
                .map(e -> {
                    String[] key = e.getKey().split("\\|", 2);
                    return new Row(key[0], key[1], e.getValue()[0], e.getValue()[1], e.getValue()[2]);
                })
                .filter(r -> r.opened() + r.closed() + r.live() > 0)
                .sorted(Comparator.comparing(Row::organisation).thenComparing(Row::type))
                .toList();
    }
}
