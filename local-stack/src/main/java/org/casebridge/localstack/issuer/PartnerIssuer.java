package org.casebridge.localstack.issuer;

import java.io.IOException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A second issuer in the development issuer's JVM, standing in for a partner organisation's own identity provider
 * (Thirteen Group's): issuer {@code http://localhost:9000/partner}, its own signing key (kept beside the first one),
 * its keys at {@code GET /partner/jwks}, and {@code POST /partner/token} (a Thirteen Group demo user's name and
 * password) answering an access token that names the organisation the partner's way: {@code organisation_code}, roles
 * in {@code groups}, teams in {@code departments}. The local stack's services and gateway trust it for Thirteen Group
 * only. {@code organisation} (development only) lets a developer ask for a token claiming another organisation, to see
 * it refused.
 */
@RestController
class PartnerIssuer {

    static final String ORGANISATION = "THIRTEEN_GROUP";

    private final DemoPartnership partnership;
    private final UserDetailsService users;
    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    PartnerIssuer(DemoPartnership partnership, UserDetailsService users,
            @Value("${casebridge.partner-issuer.key-file:data/issuer/partner-signing-key.json}") Path keyFile,
            @Value("${spring.security.oauth2.authorizationserver.issuer}") String issuer,
            @Value("${casebridge.security.audience:" + DevIssuerApplication.API_AUDIENCE + "}") String audience)
            throws IOException, ParseException, NoSuchAlgorithmException {
        this.partnership = partnership;
        this.users = users;
        this.key = DevIssuerApplication.signingKey(keyFile);
        this.issuer = issuer + "/partner";
        this.audience = audience;
    }

    @GetMapping(path = "/partner/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> keys() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    @PostMapping(path = "/partner/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> token(@RequestParam String username, @RequestParam String password,
            @RequestParam(required = false) String organisation) throws JOSEException {
        var user = partnership.user(username).filter(u -> u.organisation().equals(ORGANISATION));
        try {
            if (user.isEmpty() || !passwords.matches(password, users.loadUserByUsername(username).getPassword())) {
                return unauthorised();
            }
        } catch (UsernameNotFoundException e) {
            return unauthorised();
        }
        Instant now = Instant.now();
        Duration lifetime = Duration.ofHours(8);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(List.of(audience)).subject(username)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime))).jwtID(UUID.randomUUID().toString())
                .claim("name", user.get().name())
                .claim("organisation_code", organisation == null ? user.get().organisation() : organisation)
                .claim("departments", user.get().teams()).claim("groups", user.get().roles()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return ResponseEntity.ok(Map.of("access_token", jwt.serialize(), "token_type", "Bearer",
                "expires_in", lifetime.toSeconds()));
    }

    private static ResponseEntity<ProblemDetail> unauthorised() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Unknown user or wrong password (this issuer signs in Thirteen Group's people only).");
        problem.setTitle("Authentication required");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
