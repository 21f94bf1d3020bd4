package org.casebridge.console.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The signed-in person, as the issuer's ID token describes them. */
public record Practitioner(String id, String name, String organisation, List<String> teams, List<String> roles) {

    public static Practitioner of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        return new Practitioner(user.getSubject(), user.getClaimAsString("name"), user.getClaimAsString("org"),
                listClaim(user, "teams"), listClaim(user, "roles"));
    }

    private static List<String> listClaim(OidcUser user, String claim) {
        List<String> values = user.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean supervisor() {
        return is("SUPERVISOR");
    }

    /** Analysts, supervisors and the partnership administrator see the partnership's figures. */
    public boolean mayCount() {
        return is("ANALYST") || is("SUPERVISOR") || is("PARTNERSHIP_ADMIN");
    }

    public boolean organisationAdministrator() {
        return is("ORG_ADMIN");
    }

    public boolean partnershipAdministrator() {
        return is("PARTNERSHIP_ADMIN");
    }
}
