package org.casebridge.platform.security;

import java.util.Collection;
import java.util.List;

import org.casebridge.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every service is an OAuth2 resource server: a valid JWT from one of the trusted issuers ({@link TrustedIssuers}),
 * for its audience and naming an organisation that issuer may speak for, or 401 (problem+json).
 * Keys come from each issuer's JWKS; tests point {@code casebridge.security.test-public-key-location} (or an entry's
 * {@code public-key-location}) at the public half of the key they mint tokens with.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@EnableWebSecurity
@EnableConfigurationProperties({OAuth2ResourceServerProperties.class, LimitedRolesProperties.class,
        TrustedIssuersProperties.class})
public class SecurityPlatformConfiguration {

    private static final String[] OPEN_PATHS = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    @Bean
    SecurityFilterChain casebridgeSecurityFilterChain(HttpSecurity http, Problems problems,
            LimitedRolesProperties limitedRoles, TrustedIssuers issuers) throws Exception {
        AccessDeniedHandler forbidden = (request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN,
                "Forbidden", e instanceof AuthorizationDeniedException denied
                        && denied.getAuthorizationResult() instanceof RoleLimits.Refused refused
                                ? refused.detail() : "You may not do this.");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // one rule for every service: analysts and partner systems reach only the endpoints listed for them
                .authorizeHttpRequests(auth -> auth.requestMatchers(OPEN_PATHS).permitAll()
                        .anyRequest().access(new RoleLimits(limitedRoles.limitedRoles())))
                .oauth2ResourceServer(oauth -> oauth
                        .authenticationManagerResolver(issuers.resolver())
                        .authenticationEntryPoint((request, response, e) -> problems.write(response, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "A valid bearer token is required."))
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(ex -> ex
                        .accessDeniedHandler(forbidden)
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                    "A valid bearer token is required.");
                        }));
        return http.build();
    }

    /**
     * The issuers whose tokens this service believes: {@code casebridge.security.issuers}, or, when none are listed, the
     * one issuer of {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} / {@code jwk-set-uri} (tests:
     * {@code casebridge.security.test-public-key-location}) with CaseBridge's own claims, for any organisation. Without
     * an issuer or an audience the service refuses to start.
     */
    @Bean
    TrustedIssuers trustedIssuers(TrustedIssuersProperties configured, OAuth2ResourceServerProperties properties,
            @Value("${casebridge.security.test-public-key-location:}") String testPublicKeyLocation,
            @Value("${casebridge.security.audience:}") String audience) {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        List<TrustedIssuer> issuers = configured.issuers().isEmpty()
                ? List.of(TrustedIssuer.partnershipIssuer(jwt.getIssuerUri(), jwt.getJwkSetUri(), testPublicKeyLocation, audience))
                : configured.issuers();
        return new TrustedIssuers(issuers, audience, new ClaimsToAuthorities());
    }

    /** {@code roles} claim → {@code ROLE_*} authorities. */
    static class ClaimsToAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Collection<GrantedAuthority> authorities = CurrentUser.from(jwt).roles().stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return new JwtAuthenticationToken(jwt, authorities.isEmpty() ? List.of() : authorities, jwt.getSubject());
        }
    }
}
