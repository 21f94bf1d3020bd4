package org.casebridge.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Outside tests nothing supplies an issuer or audience: the gateway without them must not start. */
class GatewayTokenRulesTest {

    @Test
    void noIssuerOrAudienceStopsTheGatewayWithAClearMessage() {
        assertThatThrownBy(() -> GatewaySecurity.tokenRules("", "casebridge-api"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        assertThatThrownBy(() -> GatewaySecurity.tokenRules("http://localhost:9000", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("casebridge.security.audience");
    }
}
