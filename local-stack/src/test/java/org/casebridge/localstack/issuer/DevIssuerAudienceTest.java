package org.casebridge.localstack.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

import com.nimbusds.jwt.SignedJWT;

/** The services check the audience: both ways the development issuer hands out access tokens must carry it. */
class DevIssuerAudienceTest {

    private final DevIssuerApplication issuer = new DevIssuerApplication();
    private final DemoPartnership partnership = issuer.demoPartnership();

    @Test
    void aDevTokenCarriesTheServicesAudience(@TempDir Path keys) throws Exception {
        var controller = new DevTokenController(partnership, issuer.demoUsers(partnership, "demo"),
                issuer.jwtEncoder(issuer.jwkSource(keys.resolve("signing-key.json"))), "http://localhost:9000",
                "casebridge-api");

        Object body = controller.token("jo.smith", "demo").getBody();
        String token = (String) ((Map<?, ?>) body).get("access_token");

        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly("casebridge-api");
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:9000");
        assertThat(claims.getStringClaim("org")).isEqualTo("STOCKTON_CST");
    }

    @Test
    void theCodeFlowsAccessTokensCarryItBesideTheClientsAndItsIdTokensDoNot() {
        var customizer = issuer.casebridgeClaims(partnership, "casebridge-api");

        JwtClaimsSet.Builder access = JwtClaimsSet.builder().subject("jo.smith").audience(List.of("casebridge-web"));
        customizer.customize(context(access, OAuth2TokenType.ACCESS_TOKEN));
        assertThat(access.build().getAudience()).containsExactly("casebridge-web", "casebridge-api");
        assertThat(access.build().getClaimAsString("org")).isEqualTo("STOCKTON_CST");

        JwtClaimsSet.Builder id = JwtClaimsSet.builder().subject("jo.smith").audience(List.of("casebridge-web"));
        customizer.customize(context(id, new OAuth2TokenType("id_token")));
        assertThat(id.build().getAudience()).containsExactly("casebridge-web");
    }

    private static JwtEncodingContext context(JwtClaimsSet.Builder claims, OAuth2TokenType type) {
        return JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
                .principal(new UsernamePasswordAuthenticationToken("jo.smith", null))
                .tokenType(type).build();
    }
}
