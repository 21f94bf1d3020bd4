package org.casebridge.localstack.issuer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The development OpenID Connect issuer: Spring Authorization Server with the demo partnership's users. Its
 * signing key is kept under {@code data/issuer} so tokens stay valid across restarts. Development only.
 */
@SpringBootApplication
public class DevIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DevIssuerApplication.class, args);
    }

    @Bean
    DemoPartnership demoPartnership() {
        return DemoPartnership.load();
    }

    @Bean
    UserDetailsService demoUsers(DemoPartnership partnership, @Value("${casebridge.demo.password:demo}") String password) {
        return new InMemoryUserDetailsManager(partnership.users().stream()
                .map(u -> User.withUsername(u.username()).password("{noop}" + password)
                        .roles(u.roles().toArray(String[]::new)).build())
                .toList());
    }

    /**
     * The claims every CaseBridge service reads: name, org, teams, roles; and, in access tokens, the audience the
     * services check ({@code casebridge.security.audience}) beside the client's own.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> casebridgeClaims(DemoPartnership partnership,
            @Value("${casebridge.security.audience:" + API_AUDIENCE + "}") String audience) {
        return context -> {
            partnership.user(context.getPrincipal().getName()).ifPresent(user -> context.getClaims()
                    .claim("name", user.name())
                    .claim("org", user.organisation())
                    .claim("teams", user.teams())
                    .claim("roles", user.roles()));
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().claims(claims -> {
                    List<String> audiences = new ArrayList<>();
                    if (claims.get(JwtClaimNames.AUD) instanceof Collection<?> existing) {
                        existing.forEach(a -> audiences.add(String.valueOf(a)));
                    } else if (claims.get(JwtClaimNames.AUD) != null) {
                        audiences.add(String.valueOf(claims.get(JwtClaimNames.AUD)));
                    }
                    if (!audiences.contains(audience)) {
                        audiences.add(audience);
                    }
                    claims.put(JwtClaimNames.AUD, audiences);
                });
            }
        };
    }

    /** The audience CaseBridge's services expect in every access token (their {@code casebridge.security.audience}). */
    static final String API_AUDIENCE = "casebridge-api";

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${casebridge.issuer.key-file:data/issuer/signing-key.json}") Path keyFile)
            throws IOException, ParseException, NoSuchAlgorithmException {
        return new ImmutableJWKSet<>(new JWKSet(signingKey(keyFile)));
    }

    /** The RSA signing key kept in {@code keyFile}, made there on first start. */
    static RSAKey signingKey(Path keyFile) throws IOException, ParseException, NoSuchAlgorithmException {
        RSAKey key;
        if (Files.exists(keyFile)) {
            key = RSAKey.parse(Files.readString(keyFile));
        } else {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, key.toJSONString());
        }
        return key;
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }

    /**
     * The authorization server's own endpoints (discovery, JWKS, authorize, token, OIDC). Declared here because
     * Boot's default chain backs off as soon as the application declares any chain of its own.
     */
    @Bean
    @Order(0)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        return http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, as -> as.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .build();
    }

    /**
     * The demo token endpoints (this issuer's and the partner issuer's) take a form post from curl: no session, no CSRF
     * token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain devTokenEndpoint(HttpSecurity http) throws Exception {
        return http.securityMatcher("/dev/**", "/partner/**", "/actuator/health/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Everything else that is not the authorization server's own endpoints: sign in with a demo user. */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }
}
