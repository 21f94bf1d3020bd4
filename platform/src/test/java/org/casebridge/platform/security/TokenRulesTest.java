package org.casebridge.platform.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Outside tests nothing supplies an issuer or audience: a service without them must not start. */
class TokenRulesTest {

    @Test
    void noIssuerStopsTheServiceWithAClearMessage() {
        assertThatThrownBy(() -> SecurityPlatformConfiguration.tokenRules(null, "casebridge-api"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        assertThatThrownBy(() -> SecurityPlatformConfiguration.tokenRules(" ", "casebridge-api"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noAudienceStopsTheServiceWithAClearMessage() {
        assertThatThrownBy(() -> SecurityPlatformConfiguration.tokenRules("http://localhost:9000", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("casebridge.security.audience");
    }
}
