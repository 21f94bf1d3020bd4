package org.casebridge.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Outside tests nothing supplies an issuer or audience: the gateway without them must not start. */
class GatewayTokenRulesTest {

    @Test
    void noIssuerOrAudienceStopsTheGatewayWithAClearMessage() {
        assertThatThrownBy(() -> TrustedIssuer.partnershipIssuer("", "http://localhost:9000/oauth2/jwks", null, "casebridge-api"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        assertThatThrownBy(() -> TrustedIssuer.partnershipIssuer("http://localhost:9000", "http://localhost:9000/oauth2/jwks",
                null, null).checked(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("casebridge.security.audience");
    }

    @Test
    void aListedIssuerMustSayWhomItSpeaksFor() {
        assertThatThrownBy(() -> new TrustedIssuer("https://idp.council.example", "https://idp.council.example/jwks", null,
                null, null, null, List.of(), null, null, null).checked("casebridge-api"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("organisations");
    }
}
