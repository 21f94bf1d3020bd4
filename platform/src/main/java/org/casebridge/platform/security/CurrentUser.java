package org.casebridge.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The practitioner behind a request, from the token's claims: {@code sub}, {@code name}, {@code org},
 * {@code teams}, {@code roles}. Controllers take it as a parameter.
 */
public record CurrentUser(String id, String name, String organisation, Set<String> teams, Set<String> roles) {

    public static CurrentUser from(Jwt jwt) {
        return new CurrentUser(jwt.getSubject(),
                jwt.getClaimAsString("name") == null ? jwt.getSubject() : jwt.getClaimAsString("name"),
                jwt.getClaimAsString("org"),
                Set.copyOf(listClaim(jwt, "teams")),
                Set.copyOf(listClaim(jwt, "roles")));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * The principals this user acts as, in the form stored in access lists:
     * {@code org:<code>}, {@code team:<code>}, {@code user:<id>}.
     */
    public List<String> principals() {
        List<String> principals = new ArrayList<>();
        principals.add("user:" + id);
        if (organisation != null) {
            principals.add("org:" + organisation);
        }
        teams.forEach(team -> principals.add("team:" + team));
        return principals;
    }

    private static List<String> listClaim(Jwt jwt, String name) {
        Object value = jwt.getClaims().get(name);
        if (value instanceof java.util.Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
