package org.casebridge.cases.domain;

/**
 * The managed list of case types. The prefix starts the human reference ({@code ASB-2026-000123});
 * restricted types (domestic abuse, child sexual exploitation) are only ever shared with named users.
 */
public enum CaseType {
    ASB_PERSONAL("ASB", false),
    ASB_NUISANCE("ASB", false),
    ASB_ENVIRONMENTAL("ASB", false),
    NEIGHBOUR_DISPUTE("ND", false),
    HATE_INCIDENT("HATE", false),
    DOMESTIC_ABUSE("DA", true),
    CHILD_SEXUAL_EXPLOITATION("CSE", true),
    FIRE_SETTING("FIRE", false),
    VULNERABLE_ADULT("VA", false),
    REPEAT_CALLER("RC", false),
    TROUBLED_FAMILY("TF", false),
    LOCATION_OF_CONCERN("LOC", false),
    OTHER("OTH", false);

    private final String referencePrefix;
    private final boolean restricted;

    CaseType(String referencePrefix, boolean restricted) {
        this.referencePrefix = referencePrefix;
        this.restricted = restricted;
    }

    public String referencePrefix() {
        return referencePrefix;
    }

    public boolean restricted() {
        return restricted;
    }
}
