package org.casebridge.localstack.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

/**
 * The local stack's second issuer, a partner's own identity provider: its own key, its own issuer, Thirteen Group's
 * people only, and the organisation, roles and teams under the partner's own claim names (which the stack's services
 * are told to map).
 */
class PartnerIssuerTest {

    private final DevIssuerApplication devIssuer = new DevIssuerApplication();
    private final DemoPartnership partnership = devIssuer.demoPartnership();

    private PartnerIssuer partner(Path keys) throws Exception {
        return new PartnerIssuer(partnership, devIssuer.demoUsers(partnership, "demo"), keys.resolve("partner-key.json"),
                "http://localhost:9000", "casebridge-api");
    }

    private static String accessToken(Object body) {
        return (String) ((Map<?, ?>) body).get("access_token");
    }

    @Test
    void aThirteenGroupUserGetsATokenSignedWithThePartnersOwnKeyAndClaims(@TempDir Path keys) throws Exception {
        PartnerIssuer partner = partner(keys);

        SignedJWT token = SignedJWT.parse(accessToken(partner.token("tom.reid", "demo", null).getBody()));

        RSAKey published = JWKSet.parse(partner.keys()).getKeys().get(0).toRSAKey();
        assertThat(published.isPrivate()).isFalse();
        assertThat(token.verify(new RSASSAVerifier(published))).isTrue();
        RSAKey devKey = DevIssuerApplication.signingKey(keys.resolve("dev-key.json"));
        assertThat(token.verify(new RSASSAVerifier(devKey.toPublicJWK()))).isFalse();
        var claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:9000/partner");
        assertThat(claims.getAudience()).containsExactly("casebridge-api");
        assertThat(claims.getStringClaim("organisation_code")).isEqualTo("THIRTEEN_GROUP");
        assertThat(claims.getStringListClaim("groups")).containsExactly("PRACTITIONER", "SUPERVISOR");
        assertThat(claims.getStringListClaim("departments")).containsExactly("THIRTEEN_TENANCY_ENFORCEMENT");
        assertThat(claims.getClaim("org")).isNull();
        // the same key after a restart: tokens stay valid
        assertThat(JWKSet.parse(partner(keys).keys()).getKeys().get(0).getKeyID()).isEqualTo(published.getKeyID());
    }

    @Test
    void itSignsInThirteenGroupsPeopleOnly(@TempDir Path keys) throws Exception {
        PartnerIssuer partner = partner(keys);

        assertThat(partner.token("jo.smith", "demo", null).getStatusCode().value()).isEqualTo(401);
        assertThat(partner.token("kate.moss", "wrong", null).getStatusCode().value()).isEqualTo(401);
        assertThat(partner.token("kate.moss", "demo", null).getStatusCode().value()).isEqualTo(200);
    }
}
