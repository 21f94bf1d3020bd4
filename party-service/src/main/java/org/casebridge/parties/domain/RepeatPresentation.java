package org.casebridge.parties.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.casebridge.platform.domain.DomainException;

/**
 * The repeat-presentation rule: someone who keeps coming to partners as a victim or complainant is at risk even when
 * each agency has seen them only once. Each organisation sets its own threshold (by default 3 cases in 12 months);
 * the rule of the organisation whose link tipped it applies.
 *
 * <p>"Tipped" is decided by the links' own times (when each case recorded the link; ties broken by case id), never
 * by the order their events were consumed: links from different cases travel on different partitions and arrive in
 * any order. The decision is a function of the set of links alone: walking them oldest first, the first link at
 * which its organisation's threshold is met over the window ending at that link tips the flag. The flag is raised
 * once per run and stands: a late, older link that arrives after the flag was raised is counted in the index but
 * neither moves nor repeats the flag (partners have already been told; a second alert about the same run would be
 * noise). See docs/architecture.md, Events, "Ordering".
 */
public final class RepeatPresentation {

    /** Roles in which a person "presents" to a service. */
    public static final Set<String> PRESENTING_ROLES = Set.of("VICTIM", "COMPLAINANT");

    public record Threshold(int count, int months) {
        public Threshold {
            if (count < 2 || months < 1) {
                throw DomainException.invalid("A repeat-presentation threshold is at least 2 cases in at least 1 month.");
            }
        }
    }

    /** One case the person is linked to, by {@code organisation}, at {@code linkedAt} (the link's recorded time). */
    public record Presentation(String caseId, String role, String organisation, Instant linkedAt) {
    }

    /**
     * The decision: how many cases fall in the window, and which; whose rule it was and the link that tipped it
     * ({@code tippedAt} is that link's time, which later decisions measure "already flagged" against).
     */
    public record Flag(int count, Threshold threshold, List<String> caseIds, String ruleOf, String tippedBy,
            Instant tippedAt) {
    }

    /** Oldest first; the case id makes links recorded at the same instant fall in the same order everywhere. */
    static final Comparator<Presentation> EVENT_ORDER = Comparator.comparing(Presentation::linkedAt)
            .thenComparing(Presentation::caseId);

    private final Threshold standard;
    private final Map<String, Threshold> byOrganisation;

    public RepeatPresentation(Threshold standard, Map<String, Threshold> byOrganisation) {
        this.standard = standard;
        this.byOrganisation = Map.copyOf(byOrganisation);
    }

    public Threshold thresholdOf(String organisation) {
        return byOrganisation.getOrDefault(organisation, standard);
    }

    /**
     * Whether the person is now to be flagged, given every case they are linked to and the time of the link that
     * tipped their last flag ({@code lastTippedAt}, null if never). Empty below every threshold, or when the only
     * runs that meet one started before the last flag (one flag per run of cases).
     */
    public Optional<Flag> decide(Collection<Presentation> presentations, Instant lastTippedAt) {
        List<Presentation> ordered = earliestLinkOfEachCase(presentations);
        for (int i = 0; i < ordered.size(); i++) {
            Presentation tip = ordered.get(i);
            Threshold threshold = thresholdOf(tip.organisation());
            Instant windowStart = tip.linkedAt().atZone(ZoneOffset.UTC).minusMonths(threshold.months()).toInstant();
            if (lastTippedAt != null && !lastTippedAt.isBefore(windowStart)) {
                continue; // this run was flagged already
            }
            List<String> inWindow = new ArrayList<>();
            for (int j = 0; j <= i; j++) {
                if (!ordered.get(j).linkedAt().isBefore(windowStart)) {
                    inWindow.add(ordered.get(j).caseId());
                }
            }
            if (inWindow.size() >= threshold.count()) {
                return Optional.of(new Flag(inWindow.size(), threshold, inWindow, tip.organisation(), tip.caseId(),
                        tip.linkedAt()));
            }
        }
        return Optional.empty();
    }

    /** Presenting links only, one per case (a person both victim and complainant on a case presented once). */
    private static List<Presentation> earliestLinkOfEachCase(Collection<Presentation> presentations) {
        List<Presentation> ordered = presentations.stream().filter(p -> PRESENTING_ROLES.contains(p.role()) && p.linkedAt() != null)
                .sorted(EVENT_ORDER).toList();
        Set<String> seen = new HashSet<>();
        return ordered.stream().filter(p -> seen.add(p.caseId())).toList();
    }
}
