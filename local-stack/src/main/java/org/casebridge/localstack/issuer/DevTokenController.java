package org.casebridge.localstack.issuer;

import java.time.Duration;
import java.time.Instant;
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
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/token} with a demo user's name and password answers an access token signed with the issuer's
 * key, carrying the same claims (and audience) the authorization-code flow gives: the quickest way to call the API
 * with curl.
 * Development only: the real flows (authorization code with PKCE) are served by the authorization server itself.
 */
@RestController
class DevTokenController {

    private final DemoPartnership partnership;
    private final UserDetailsService users;
    private final JwtEncoder encoder;
    private final String issuer;
    private final String audience;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    DevTokenController(DemoPartnership partnership, UserDetailsService users, JwtEncoder encoder,
            @Value("${spring.security.oauth2.authorizationserver.issuer}") String issuer,
            @Value("${casebridge.security.audience:" + DevIssuerApplication.API_AUDIENCE + "}") String audience) {
        this.partnership = partnership;
        this.users = users;
        this.encoder = encoder;
        this.issuer = issuer;
        this.audience = audience;
    }

    @PostMapping(path = "/dev/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> token(@RequestParam String username, @RequestParam String password) {
        try {
            if (!passwords.matches(password, users.loadUserByUsername(username).getPassword())) {
                return unauthorised();
            }
        } catch (UsernameNotFoundException e) {
            return unauthorised();
        }
        DemoPartnership.DemoUser user = partnership.user(username).orElseThrow();
        Instant now = Instant.now();
        Duration lifetime = Duration.ofHours(8);
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).audience(java.util.List.of(audience))
                .subject(username).issuedAt(now)
                .expiresAt(now.plus(lifetime)).id(UUID.randomUUID().toString())
                .claim("name", user.name()).claim("org", user.organisation())
                .claim("teams", user.teams()).claim("roles", user.roles()).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        return ResponseEntity.ok(Map.of("access_token", token, "token_type", "Bearer", "expires_in", lifetime.toSeconds()));
    }

    private static ResponseEntity<ProblemDetail> unauthorised() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Unknown user or wrong password.");
        problem.setTitle("Authentication required");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
