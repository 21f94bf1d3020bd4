package org.casebridge.console.cases;

import java.util.List;
import java.util.Map;

/** The choices the case pages offer, in the order practitioners expect them. */
public final class CaseWords {

    public static final List<String> TYPES = List.of("ASB_PERSONAL", "ASB_NUISANCE", "ASB_ENVIRONMENTAL",
            "NEIGHBOUR_DISPUTE", "HATE_INCIDENT", "DOMESTIC_ABUSE", "CHILD_SEXUAL_EXPLOITATION", "FIRE_SETTING",
            "VULNERABLE_ADULT", "REPEAT_CALLER", "TROUBLED_FAMILY", "LOCATION_OF_CONCERN", "OTHER");

    static final Map<String, String> DONE = Map.ofEntries(Map.entry("log", "Added to the case log"),
            Map.entry("edit", "Case details saved"), Map.entry("close", "Case closed"), Map.entry("reopen", "Case reopened"),
            Map.entry("accept", "Referral accepted"), Map.entry("review", "Review started"),
            Map.entry("end-review", "Review ended"), Map.entry("link", "Linked to the case"),
            Map.entry("share", "Case shared"), Map.entry("revoke", "Share revoked"), Map.entry("task", "Task set"),
            Map.entry("risk", "Risk assessment saved"), Map.entry("intervention", "Intervention recorded"),
            Map.entry("unlink", "Link removed"), Map.entry("transfer", "Lead offered"),
            Map.entry("transfer-withdrawn", "Offer withdrawn"), Map.entry("transfer-accepted", "You now lead this case"));

    public List<String> logKinds() {
        return List.of("NOTE", "CONTACT", "VISIT", "MEETING_DECISION", "WARNING_ISSUED", "INTERVENTION", "PARTNER_UPDATE");
    }

    public List<String> outcomes() {
        return List.of("RESOLVED", "ESCALATED_TO_ENFORCEMENT", "MOVED_AWAY", "NO_FURTHER_ACTION", "TRANSFERRED", "OTHER");
    }

    public List<String> personRoles() {
        return List.of("VICTIM", "PERPETRATOR", "ALLEGED_PERPETRATOR", "WITNESS", "COMPLAINANT", "SUBJECT", "FAMILY_MEMBER",
                "OTHER");
    }

    public List<String> levels() {
        return List.of("VIEW", "CONTRIBUTE", "MANAGE");
    }

    public List<String> priorities() {
        return List.of("LOW", "NORMAL", "HIGH", "URGENT");
    }

    public List<String> interventionStatuses() {
        return List.of("PLANNED", "ISSUED", "IN_FORCE", "BREACHED", "COMPLETED", "WITHDRAWN", "REFUSED");
    }
}
