package org.casebridge.platform.test;

import java.util.List;

/**
 * The demonstration partnership's people the tests act as, each with their organisation, teams and roles, so a test
 * says {@code DemoUsers.JO_SMITH.token()} instead of spelling the claims out again. Their tokens are signed by this
 * JVM's test issuer ({@link TestTokens}); the local stack's development issuer knows the same people.
 */
public enum DemoUsers {

    /** Stockton Community Safety Team's ASB officer: opens and leads most cases in the tests. */
    JO_SMITH("jo.smith", "STOCKTON_CST", "STOCKTON_ASB", "PRACTITIONER"),
    /** Jo's colleague in Stockton's ASB team. */
    RAJ_PATEL("raj.patel", "STOCKTON_CST", "STOCKTON_ASB", "PRACTITIONER"),
    /** A Cleveland Police PCSO in the Stockton neighbourhood policing team. */
    PC_ADAMS("pc.adams", "CLEVELAND_POLICE", "CP_STOCKTON_NPT", "PRACTITIONER"),
    /** Thirteen Group's ASB housing officer. */
    TOM_REID("tom.reid", "THIRTEEN_GROUP", "THIRTEEN_ASB", "PRACTITIONER"),
    /** Tees crisis team's duty worker. */
    NINA_FORD("nina.ford", "TEES_CRISIS", "TEES_CRISIS_DUTY", "PRACTITIONER"),
    /** The partnership's analyst: reports only. */
    ANALYST_TEES("analyst.tees", "STOCKTON_CST", null, "ANALYST"),
    /** The partnership's administrator. */
    PAT_ADMIN("pat.admin", "STOCKTON_CST", null, "PARTNERSHIP_ADMIN");

    private final String id;
    private final String organisation;
    private final String team;
    private final String role;

    DemoUsers(String id, String organisation, String team, String role) {
        this.id = id;
        this.organisation = organisation;
        this.team = team;
        this.role = role;
    }

    /** A fresh bearer token for this person (ten minutes). */
    public String token() {
        return TestTokens.token(id, organisation, team == null ? List.of() : List.of(team), List.of(role));
    }
}
