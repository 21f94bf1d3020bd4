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

    /**
     * A second issuer, standing in for a partner organisation's own identity provider: its own key, speaking only for
     * {@link #PARTNER_ORGANISATION}, naming the organisation in {@link #PARTNER_ORGANISATION_CLAIM} and the roles and
     * teams in {@link #PARTNER_ROLES_CLAIM} and {@link #PARTNER_TEAMS_CLAIM} ({@link RealInfrastructureExtension} makes
     * the services trust it so).
     */
    public static final String PARTNER_ISSUER = "casebridge-tests-partner";
    public static final String PARTNER_ORGANISATION = "THIRTEEN_GROUP";
    public static final String PARTNER_ORGANISATION_CLAIM = "organisation_code";
    public static final String PARTNER_ROLES_CLAIM = "groups";
    public static final String PARTNER_TEAMS_CLAIM = "departments";

    private static final KeyPair KEY = newKey();
    private static final KeyPair FORGER = newKey();
    private static final KeyPair PARTNER_KEY = newKey();

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
        return pem(KEY);
    }

    /**
     * A practitioner's token from the partner's own issuer, its claims named the partner's way
     * ({@code organisation}: {@code null} for none; a team, or {@code null}).
     */
    public static String fromPartner(String userId, String organisation, String team) {
        return fromPartnerForAudience(AUDIENCE, userId, organisation, team);
    }

    /** As {@link #fromPartner}, for another audience ({@code null}: none). */
    public static String fromPartnerForAudience(String audience, String userId, String organisation, String team) {
        JWTClaimsSet.Builder claims = standardClaims(PARTNER_ISSUER, audience, userId, Instant.now().plusSeconds(600))
                .claim(PARTNER_ROLES_CLAIM, List.of("PRACTITIONER"))
                .claim(PARTNER_TEAMS_CLAIM, team == null ? List.of() : List.of(team));
        if (organisation != null) {
            claims.claim(PARTNER_ORGANISATION_CLAIM, organisation);
        }
        return sign(PARTNER_KEY, claims.build());
    }

    /** Signed with the partner issuer's key, with exactly these claims besides iat, exp and jti. */
    public static String signedByPartner(java.util.Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        return sign(PARTNER_KEY, builder.build());
    }

    /**
     * The {@code casebridge.security.issuers} properties that make a service (or the gateway) trust both test issuers:
     * this JVM's own (any organisation, CaseBridge's claims) and the partner's (Thirteen Group only, its own claim
     * names). The public keys are written to temporary files.
     */
    public static java.util.Map<String, String> trustedIssuersProperties() {
        try {
            java.nio.file.Path home = java.nio.file.Files.createTempFile("casebridge-test-key", ".pem");
            java.nio.file.Files.writeString(home, publicKeyPem());
            home.toFile().deleteOnExit();
            java.nio.file.Path partner = java.nio.file.Files.createTempFile("casebridge-test-partner-key", ".pem");
            java.nio.file.Files.writeString(partner, partnerPublicKeyPem());
            partner.toFile().deleteOnExit();
            java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
            properties.put("casebridge.security.issuers[0].issuer-uri", ISSUER);
            properties.put("casebridge.security.issuers[0].public-key-location", home.toUri().toString());
            properties.put("casebridge.security.issuers[0].organisations[0]", "*");
            properties.put("casebridge.security.issuers[1].issuer-uri", PARTNER_ISSUER);
            properties.put("casebridge.security.issuers[1].public-key-location", partner.toUri().toString());
            properties.put("casebridge.security.issuers[1].organisation-claim", PARTNER_ORGANISATION_CLAIM);
            properties.put("casebridge.security.issuers[1].organisations[0]", PARTNER_ORGANISATION);
            properties.put("casebridge.security.issuers[1].roles-claim", PARTNER_ROLES_CLAIM);
            properties.put("casebridge.security.issuers[1].teams-claim", PARTNER_TEAMS_CLAIM);
            return properties;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String partnerPublicKeyPem() {
        return pem(PARTNER_KEY);
    }

    private static String pem(KeyPair key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static JWTClaimsSet.Builder standardClaims(String issuer, String audience, String userId, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .subject(userId)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(expiry.minusSeconds(900)))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("name", userId);
    }

    private static String sign(KeyPair key, String userId, String organisation, List<String> teams, List<String> roles,
            Instant expiry) {
        return sign(key, ISSUER, AUDIENCE, userId, organisation, teams, roles, expiry);
    }

    private static String sign(KeyPair key, String issuer, String audience, String userId, String organisation,
            List<String> teams, List<String> roles, Instant expiry) {
        JWTClaimsSet claims = standardClaims(issuer, audience, userId, expiry)
                .claim("org", organisation)
                .claim("teams", teams)
                .claim("roles", roles)
                .build();
        return sign(key, claims);
    }

    private static String sign(KeyPair key, JWTClaimsSet claims) {
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
