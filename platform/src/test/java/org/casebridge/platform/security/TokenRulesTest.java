package org.casebridge.platform.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Outside tests nothing supplies an issuer or audience: a service without them must not start. */
class TokenRulesTest {

    @Test
    void noIssuerStopsTheServiceWithAClearMessage() {
        assertThatThrownBy(() -> TrustedIssuer.partnershipIssuer(null, "http://localhost:9000/oauth2/jwks", null, "casebridge-api"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        assertThatThrownBy(() -> TrustedIssuer.partnershipIssuer(" ", "http://localhost:9000/oauth2/jwks", null, "casebridge-api"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noAudienceStopsTheServiceWithAClearMessage() {
        assertThatThrownBy(() -> TrustedIssuer.partnershipIssuer("http://localhost:9000", "http://localhost:9000/oauth2/jwks",
                null, "").checked(""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("casebridge.security.audience");
    }

    @Test
    void aListedIssuerMustSayWhomItSpeaksForAndWhereItsKeysAre() {
        assertThatThrownBy(() -> issuer("https://idp.council.example", "https://idp.council.example/jwks", null, List.of())
                .checked("casebridge-api"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("organisations");
        assertThatThrownBy(() -> issuer("https://idp.council.example", null, "STOCKTON_CST", List.of()).checked("casebridge-api"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jwk-set-uri");
        assertThatThrownBy(() -> issuer("https://idp.council.example", "https://idp.council.example/jwks", "STOCKTON_CST",
                List.of("CLEVELAND_POLICE")).checked("casebridge-api"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fixed organisation");
        assertThatThrownBy(() -> issuer(null, "https://idp.council.example/jwks", "STOCKTON_CST", List.of()).checked("casebridge-api"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("issuer-uri");
    }

    private static TrustedIssuer issuer(String uri, String jwks, String organisation, List<String> organisations) {
        return new TrustedIssuer(uri, jwks, null, null, organisation, null, organisations, null, null, null);
    }
}
