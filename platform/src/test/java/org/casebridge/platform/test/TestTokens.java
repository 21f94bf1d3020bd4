package org.casebridge.platform.test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Mints bearer tokens for tests with a key made for this JVM; services trust its public half in tests only. */
public final class TestTokens {

    /** The issuer and audience the tests' services expect ({@link RealInfrastructureExtension} configures them). */
    public static final String ISSUER = "casebridge-tests";
    public static final String AUDIENCE = "casebridge-api";

    private static final KeyPair KEY = newKey();
    private static final KeyPair FORGER = newKey();

    private TestTokens() {
    }

    /** A signed token for a practitioner of {@code organisation} ({@code null}: no {@code org} claim). */
    public static String token(String userId, String organisation, List<String> teams, List<String> roles) {
        return sign(KEY, userId, organisation, teams, roles, Instant.now().plusSeconds(600));
    }

    /** A practitioner's token with no {@code org} claim at all. */
    public static String withoutOrganisation(String userId) {
        return token(userId, null, List.of(), List.of("PRACTITIONER"));
    }

    /** Signed with the trusted key, but by another issuer. */
    public static String fromIssuer(String issuer, String userId, String organisation) {
        return sign(KEY, issuer, AUDIENCE, userId, organisation, List.of(), List.of("PRACTITIONER"),
                Instant.now().plusSeconds(600));
    }

    /** Signed with the trusted key by the trusted issuer, but for another audience ({@code null}: none). */
    public static String forAudience(String audience, String userId, String organisation) {
        return sign(KEY, ISSUER, audience, userId, organisation, List.of(), List.of("PRACTITIONER"),
                Instant.now().plusSeconds(600));
    }

    public static String practitioner(String userId, String organisation, String team) {
        return token(userId, organisation, team == null ? List.of() : List.of(team), List.of("PRACTITIONER"));
    }

    /** Looks right but is signed with a key nobody trusts. */
    public static String forged(String userId, String organisation) {
        return sign(FORGER, userId, organisation, List.of(), List.of("PRACTITIONER"), Instant.now().plusSeconds(600));
    }

    public static String expired(String userId, String organisation) {
        return sign(KEY, userId, organisation, List.of(), List.of("PRACTITIONER"), Instant.now().minusSeconds(600));
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(KEY.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String sign(KeyPair key, String userId, String organisation, List<String> teams, List<String> roles,
            Instant expiry) {
        return sign(key, ISSUER, AUDIENCE, userId, organisation, teams, roles, expiry);
    }

    private static String sign(KeyPair key, String issuer, String audience, String userId, String organisation,
            List<String> teams, List<String> roles, Instant expiry) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(expiry.minusSeconds(900)))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("name", userId)
                .claim("org", organisation)
                .claim("teams", teams)
                .claim("roles", roles)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
