package org.casebridge.notifications.email.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.casebridge.notifications.inbox.domain.Notification.Kind;
import org.casebridge.platform.domain.DomainException;

/**
 * How a practitioner wants each kind of notification by e-mail: at once, in a daily digest, or not at all. The inbox
 * always gets everything. Defaults: what needs acting on today comes at once, the rest in the digest; integration
 * accounts get no e-mail.
 *
 * @param address null to use {@code <user>@<their organisation's mail domain>} from configuration
 */
public record EmailPreferences(String address, Map<Kind, Delivery> byKind) {

    public enum Delivery { IMMEDIATE, DIGEST, OFF }

    private static final Set<Kind> AT_ONCE = Set.of(Kind.TASK_ASSIGNED, Kind.TASK_ESCALATED, Kind.CASE_HIGH_RISK,
            Kind.CASE_REVIEW_DUE, Kind.REPEAT_PRESENTATION, Kind.CASE_SHARED, Kind.CASE_TRANSFERRED_TO_YOU,
            Kind.CASE_LEAD_ASSIGNED);

    public EmailPreferences {
        if (address != null && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw DomainException.invalid("Not an e-mail address: " + address);
        }
        Map<Kind, Delivery> complete = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            complete.put(kind, byKind != null && byKind.get(kind) != null ? byKind.get(kind) : Delivery.OFF);
        }
        byKind = Map.copyOf(complete);
    }

    public static EmailPreferences defaultsFor(Set<String> roles) {
        Map<Kind, Delivery> byKind = new EnumMap<>(Kind.class);
        boolean integration = roles.contains("INTEGRATION");
        for (Kind kind : Kind.values()) {
            byKind.put(kind, integration ? Delivery.OFF : AT_ONCE.contains(kind) ? Delivery.IMMEDIATE : Delivery.DIGEST);
        }
        return new EmailPreferences(null, byKind);
    }

    public Delivery of(Kind kind) {
        return byKind.get(kind);
    }
}
