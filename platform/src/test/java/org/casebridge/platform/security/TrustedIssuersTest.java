package org.casebridge.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Who is who with many issuers: each token is checked by its own issuer's rules, and an issuer speaks only for the
 * organisations it is trusted for. The rules without a server: a believed token comes out as the {@link CurrentUser}
 * every controller reads, whatever its issuer called the claims.
 */
class TrustedIssuersTest {

    private static final Path HOME_KEY = write(TestTokens.publicKeyPem());
    private static final Path PARTNER_KEY = write(TestTokens.partnerPublicKeyPem());

    private final TrustedIssuers issuers = new TrustedIssuers(List.of(
            new TrustedIssuer(TestTokens.ISSUER, null, HOME_KEY.toUri().toString(), null, null, null, List.of("*"),
                    null, null, null),
            new TrustedIssuer(TestTokens.PARTNER_ISSUER, null, PARTNER_KEY.toUri().toString(), null, null,
                    TestTokens.PARTNER_ORGANISATION_CLAIM, List.of(TestTokens.PARTNER_ORGANISATION),
                    TestTokens.PARTNER_ROLES_CLAIM, TestTokens.PARTNER_TEAMS_CLAIM, null)),
            TestTokens.AUDIENCE, new SecurityPlatformConfiguration.ClaimsToAuthorities());

    private Authentication authenticate(String token) {
        return issuers.resolver().resolve(new MockHttpServletRequest())
                .authenticate(new BearerTokenAuthenticationToken(token));
    }

    private CurrentUser userOf(String token) {
        return CurrentUser.from((Jwt) authenticate(token).getPrincipal());
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> authenticate(token)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void thePartnershipsOwnIssuerSpeaksForAnyOrganisationAsBefore() {
        CurrentUser jo = userOf(DemoUsers.JO_SMITH.token());

        assertThat(jo).isEqualTo(new CurrentUser("jo.smith", "jo.smith", "STOCKTON_CST",
                java.util.Set.of("STOCKTON_ASB"), java.util.Set.of("PRACTITIONER")));
    }

    @Test
    void theSecondIssuersTokenForItsOwnOrganisationIsReadThroughItsClaimMapping() {
        Authentication tom = authenticate(TestTokens.fromPartner("tom.reid", "THIRTEEN_GROUP", "THIRTEEN_TENANCY_ENFORCEMENT"));

        assertThat(CurrentUser.from((Jwt) tom.getPrincipal())).isEqualTo(new CurrentUser("tom.reid", "tom.reid",
                "THIRTEEN_GROUP", java.util.Set.of("THIRTEEN_TENANCY_ENFORCEMENT"), java.util.Set.of("PRACTITIONER")));
        assertThat(tom.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_PRACTITIONER");
    }

    @Test
    void theSecondIssuerClaimingTheFirstsOrganisationIsRefused() {
        assertRefused(TestTokens.fromPartner("tom.reid", "CLEVELAND_POLICE", null));
        // nor by naming it in the claim CaseBridge itself uses: for this issuer only its own claim counts
        assertRefused(TestTokens.signedByPartner(Map.of("iss", TestTokens.PARTNER_ISSUER, "aud", TestTokens.AUDIENCE,
                "sub", "tom.reid", "org", "CLEVELAND_POLICE")));
        CurrentUser both = userOf(TestTokens.signedByPartner(Map.of("iss", TestTokens.PARTNER_ISSUER, "aud",
                TestTokens.AUDIENCE, "sub", "tom.reid", "org", "CLEVELAND_POLICE", TestTokens.PARTNER_ORGANISATION_CLAIM,
                "THIRTEEN_GROUP", "roles", List.of("SUPERVISOR", "ORG_ADMIN"), TestTokens.PARTNER_ROLES_CLAIM,
                List.of("PRACTITIONER"))));
        assertThat(both.organisation()).isEqualTo("THIRTEEN_GROUP");
        assertThat(both.roles()).containsExactly("PRACTITIONER");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(TestTokens.fromPartnerForAudience("some-other-api", "tom.reid", "THIRTEEN_GROUP", null));
        assertRefused(TestTokens.fromPartnerForAudience(null, "tom.reid", "THIRTEEN_GROUP", null));
        assertRefused(TestTokens.forAudience("some-other-api", "jo.smith", "STOCKTON_CST"));
    }

    @Test
    void aTokenOfAnUnknownIssuerIsRefused() {
        assertRefused(TestTokens.fromIssuer("https://someone-else.example", "jo.smith", "STOCKTON_CST"));
        assertRefused(TestTokens.signedByPartner(Map.of("aud", TestTokens.AUDIENCE, "sub", "tom.reid",
                TestTokens.PARTNER_ORGANISATION_CLAIM, "THIRTEEN_GROUP")));
    }

    @Test
    void aTokenNamingNoOrganisationIsRefused() {
        assertRefused(TestTokens.fromPartner("tom.reid", null, null));
        assertRefused(TestTokens.fromPartner("tom.reid", "  ", null));
        assertRefused(TestTokens.withoutOrganisation("jo.smith"));
    }

    @Test
    void oneIssuersKeyCannotSignForAnother() {
        assertRefused(TestTokens.signedByPartner(Map.of("iss", TestTokens.ISSUER, "aud", TestTokens.AUDIENCE,
                "sub", "tom.reid", "org", "THIRTEEN_GROUP")));
        assertRefused(TestTokens.forged("jo.smith", "STOCKTON_CST"));
    }

    @Test
    void anOrganisationsOwnIssuerMakesEveryTokenItsOrganisationsWhateverTheClaimsSay() {
        TrustedIssuers council = new TrustedIssuers(List.of(new TrustedIssuer(TestTokens.PARTNER_ISSUER, null,
                PARTNER_KEY.toUri().toString(), null, "STOCKTON_CST", null, null, "realm_access.roles", null, null)),
                TestTokens.AUDIENCE, new SecurityPlatformConfiguration.ClaimsToAuthorities());

        Authentication raj = council.resolver().resolve(new MockHttpServletRequest()).authenticate(
                new BearerTokenAuthenticationToken(TestTokens.signedByPartner(Map.of("iss", TestTokens.PARTNER_ISSUER,
                        "aud", TestTokens.AUDIENCE, "sub", "raj.patel", "org", "CLEVELAND_POLICE",
                        "realm_access", Map.of("roles", List.of("PRACTITIONER"))))));

        CurrentUser user = CurrentUser.from((Jwt) raj.getPrincipal());
        assertThat(user.organisation()).isEqualTo("STOCKTON_CST");
        assertThat(user.roles()).containsExactly("PRACTITIONER");
    }

    @Test
    void withNoIssuersListedTodaysSingleIssuerIsTrustedAsBefore() {
        TrustedIssuers single = new TrustedIssuers(List.of(TrustedIssuer.partnershipIssuer(TestTokens.ISSUER, null,
                HOME_KEY.toUri().toString(), TestTokens.AUDIENCE)), TestTokens.AUDIENCE,
                new SecurityPlatformConfiguration.ClaimsToAuthorities());
        var manager = single.resolver().resolve(new MockHttpServletRequest());

        assertThat(manager.authenticate(new BearerTokenAuthenticationToken(
                TestTokens.practitioner("pc.adams", "CLEVELAND_POLICE", null))).isAuthenticated()).isTrue();
        for (String refused : List.of(TestTokens.withoutOrganisation("pc.adams"),
                TestTokens.fromPartner("tom.reid", "THIRTEEN_GROUP", null),
                TestTokens.forAudience("some-other-api", "pc.adams", "CLEVELAND_POLICE"))) {
            assertThatThrownBy(() -> manager.authenticate(new BearerTokenAuthenticationToken(refused)))
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void anIssuerListedTwiceStopsTheService() {
        TrustedIssuer once = new TrustedIssuer(TestTokens.ISSUER, null, HOME_KEY.toUri().toString(), null, null, null,
                List.of("*"), null, null, null);
        assertThatThrownBy(() -> new TrustedIssuers(List.of(once, once), TestTokens.AUDIENCE,
                new SecurityPlatformConfiguration.ClaimsToAuthorities()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
    }

    private static Path write(String pem) {
        try {
            Path file = Files.createTempFile("trusted-issuer", ".pem");
            Files.writeString(file, pem);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
