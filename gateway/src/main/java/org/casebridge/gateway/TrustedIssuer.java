package org.casebridge.gateway;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.util.StringUtils;

/**
 * One identity provider whose tokens CaseBridge believes ({@code casebridge.security.issuers[n]}), and how its tokens
 * say who is who:
 * <ul>
 * <li>{@code issuer-uri}: the {@code iss} its tokens carry; {@code jwk-set-uri} (or {@code public-key-location}, a PEM
 * public key) the keys they are signed with; {@code audience} the {@code aud} they must hold (default
 * {@code casebridge.security.audience});</li>
 * <li>the organisation: {@code organisation} when the issuer is one organisation's own (then every token of it is
 * that organisation's), or else the claim {@code organisation-claim} names (default {@code org}), which must be one of
 * {@code organisations}, the organisations the issuer may speak for ({@code "*"}: any, for the partnership's own
 * issuer only);</li>
 * <li>{@code roles-claim}, {@code teams-claim}, {@code name-claim}: where the roles, teams and display name are (defaults
 * {@code roles}, {@code teams}, {@code name}; a dotted name such as {@code realm_access.roles} looks inside a claim).</li>
 * </ul>
 * The mapped values replace {@code org}, {@code roles}, {@code teams} and {@code name} in the token's claims before the
 * rules are checked, so the rate limits (and the services, which check the same token again with the same rules)
 * read every issuer's tokens alike. The same rules as the platform's {@code org.casebridge.platform.security.TrustedIssuer},
 * kept in step with it (the gateway does not depend on the servlet platform).
 */
record TrustedIssuer(String issuerUri, String jwkSetUri, String publicKeyLocation, String audience,
        String organisation, String organisationClaim, List<String> organisations, String rolesClaim, String teamsClaim,
        String nameClaim) {

    /** In {@code organisations}: the issuer may speak for any organisation (the partnership's own issuer). */
    public static final String ANY_ORGANISATION = "*";

    public TrustedIssuer {
        organisationClaim = StringUtils.hasText(organisationClaim) ? organisationClaim : "org";
        organisations = organisations == null ? List.of() : organisations.stream().map(String::strip).toList();
        rolesClaim = StringUtils.hasText(rolesClaim) ? rolesClaim : "roles";
        teamsClaim = StringUtils.hasText(teamsClaim) ? teamsClaim : "teams";
        nameClaim = StringUtils.hasText(nameClaim) ? nameClaim : "name";
    }

    /**
     * Today's single issuer ({@code spring.security.oauth2.resourceserver.jwt.*}), used when no
     * {@code casebridge.security.issuers} are listed: CaseBridge's own claims, any organisation.
     */
    public static TrustedIssuer partnershipIssuer(String issuerUri, String jwkSetUri, String publicKeyLocation,
            String audience) {
        if (!StringUtils.hasText(issuerUri)) {
            throw new IllegalStateException("No token issuer configured: set spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "(SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI) to the issuer whose tokens the gateway accepts, "
                    + "or list the trusted issuers under casebridge.security.issuers");
        }
        if (!StringUtils.hasText(jwkSetUri) && !StringUtils.hasText(publicKeyLocation)) {
            throw new IllegalStateException("Set spring.security.oauth2.resourceserver.jwt.jwk-set-uri to the issuer's JWKS");
        }
        return new TrustedIssuer(issuerUri, jwkSetUri, publicKeyLocation, audience, null, null,
                List.of(ANY_ORGANISATION), null, null, null);
    }

    /**
     * This entry with the service's audience filled in where it names none; a misconfigured entry stops the gateway
     * at start with a message saying what to set.
     */
    public TrustedIssuer checked(String defaultAudience) {
        String where = "casebridge.security.issuers entry " + (StringUtils.hasText(issuerUri) ? issuerUri : "(no issuer-uri)");
        if (!StringUtils.hasText(issuerUri)) {
            throw new IllegalStateException("No token issuer configured: every casebridge.security.issuers entry needs an issuer-uri");
        }
        if (!StringUtils.hasText(jwkSetUri) && !StringUtils.hasText(publicKeyLocation)) {
            throw new IllegalStateException(where + ": set jwk-set-uri (or public-key-location) to the issuer's keys");
        }
        String expectedAudience = StringUtils.hasText(audience) ? audience : defaultAudience;
        if (!StringUtils.hasText(expectedAudience)) {
            throw new IllegalStateException("No token audience configured: set casebridge.security.audience "
                    + "(CASEBRIDGE_SECURITY_AUDIENCE) to the audience CaseBridge's tokens carry");
        }
        if (StringUtils.hasText(organisation)) {
            if (!organisations.isEmpty() && !organisations.equals(List.of(organisation))) {
                throw new IllegalStateException(where + ": an issuer with a fixed organisation (" + organisation
                        + ") speaks for that organisation only; drop organisations");
            }
        } else if (organisations.isEmpty()) {
            throw new IllegalStateException(where + ": say whom it speaks for: organisation (one organisation's own "
                    + "issuer) or organisations (the codes its " + organisationClaim + " claim may carry; \"*\" for any)");
        }
        return new TrustedIssuer(issuerUri, jwkSetUri, publicKeyLocation, expectedAudience, organisation,
                organisationClaim, organisations, rolesClaim, teamsClaim, nameClaim);
    }

    /** Whether a token of this issuer may name {@code code} as its organisation. */
    public boolean speaksFor(String code) {
        if (!StringUtils.hasText(code)) {
            return false;
        }
        return StringUtils.hasText(organisation) ? organisation.equals(code)
                : organisations.contains(ANY_ORGANISATION) || organisations.contains(code);
    }

    /**
     * The token's claims in CaseBridge's terms: {@code org}, {@code roles}, {@code teams} and {@code name} as this
     * issuer's mapping says (absent where the token has no such claim), every other claim as it came.
     */
    public Map<String, Object> normalise(Map<String, Object> claims) {
        Map<String, Object> mapped = new HashMap<>(claims);
        Object org = StringUtils.hasText(organisation) ? organisation : claim(claims, organisationClaim);
        put(mapped, "org", org instanceof String code ? code.strip() : null);
        put(mapped, "roles", strings(claim(claims, rolesClaim)));
        put(mapped, "teams", strings(claim(claims, teamsClaim)));
        put(mapped, "name", claim(claims, nameClaim) instanceof String name ? name : null);
        return mapped;
    }

    /**
     * What a signed token of this issuer must also say before it is believed: in date, this issuer's {@code iss}, an
     * {@code aud} holding this issuer's audience, and an organisation this issuer may speak for; or 401.
     */
    public OAuth2TokenValidator<Jwt> rules() {
        OAuth2TokenValidator<Jwt> organisationRule = jwt -> {
            Object org = jwt.getClaims().get("org");
            if (!(org instanceof String code) || !StringUtils.hasText(code)) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "The token names no organisation (" + (StringUtils.hasText(organisation) ? "org" : organisationClaim)
                                + " claim)", null));
            }
            return speaksFor(code) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                            "The issuer " + issuerUri + " may not speak for the organisation " + code, null));
        };
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuerUri),
                new JwtAudienceValidator(audience), organisationRule);
    }

    private static Object claim(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value != null || !name.contains(".")) {
            return value;
        }
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return value == null ? null : List.of(String.valueOf(value));
    }

    private static void put(Map<String, Object> claims, String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
    }
}
