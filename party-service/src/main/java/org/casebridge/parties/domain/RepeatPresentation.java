package org.casebridge.parties.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.casebridge.platform.domain.DomainException;

/**
 * The repeat-presentation rule: someone who keeps coming to partners as a victim or complainant is at risk even when
 * each agency has seen them only once. Each organisation sets its own threshold (by default 3 cases in 12 months);
 * the rule of the organisation whose case tipped it applies.
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

    /** One case the person is linked to. */
    public record Presentation(String caseId, String role, Instant linkedAt) {
    }

    /** The decision: how many cases fall in the window, and which. */
    public record Flag(int count, Threshold threshold, List<String> caseIds) {
    }

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
     * Whether the person is now to be flagged under {@code organisation}'s rule, given every case they are linked to.
     * Empty below the threshold, or when they were already flagged within the window (one flag per run of cases).
     */
    public Optional<Flag> decide(String organisation, Collection<Presentation> presentations, Instant lastFlagged,
            Instant now) {
        Threshold threshold = thresholdOf(organisation);
        Instant windowStart = now.atZone(ZoneOffset.UTC).minusMonths(threshold.months()).toInstant();
        List<String> inWindow = presentations.stream()
                .filter(p -> PRESENTING_ROLES.contains(p.role()) && !p.linkedAt().isBefore(windowStart))
                .map(Presentation::caseId).distinct().toList();
        if (inWindow.size() < threshold.count()) {
            return Optional.empty();
        }
        if (lastFlagged != null && lastFlagged.isAfter(windowStart)) {
            return Optional.empty();
        }
        return Optional.of(new Flag(inWindow.size(), threshold, inWindow));
    }
}
