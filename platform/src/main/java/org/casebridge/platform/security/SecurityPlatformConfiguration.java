package org.casebridge.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import org.casebridge.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.StringUtils;

/**
 * Every service is an OAuth2 resource server: a valid JWT from the configured issuer, for the CaseBridge audience and
 * naming an organisation, or 401 (problem+json).
 * Keys come from the issuer's JWKS ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}); tests point
 * {@code casebridge.security.test-public-key-location} at the public half of the key they mint tokens with.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@EnableWebSecurity
@EnableConfigurationProperties({OAuth2ResourceServerProperties.class, LimitedRolesProperties.class})
public class SecurityPlatformConfiguration {

    private static final String[] OPEN_PATHS = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    @Bean
    SecurityFilterChain casebridgeSecurityFilterChain(HttpSecurity http, Problems problems,
            LimitedRolesProperties limitedRoles) throws Exception {
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
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ClaimsToAuthorities()))
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

    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties,
            @Value("${casebridge.security.test-public-key-location:}") String testPublicKeyLocation,
            @Value("${casebridge.security.audience:}") String audience) throws Exception {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        // checked first, so a service without an issuer or audience never starts, whatever its keys
        OAuth2TokenValidator<Jwt> validator = tokenRules(jwt.getIssuerUri(), audience);
        NimbusJwtDecoder decoder;
        if (StringUtils.hasText(testPublicKeyLocation)) {
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(testPublicKeyLocation)).build();
        } else if (StringUtils.hasText(jwt.getJwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
        } else {
            throw new IllegalStateException("Set spring.security.oauth2.resourceserver.jwt.jwk-set-uri to the issuer's JWKS");
        }
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /**
     * What a signed token must also say before it is believed: it is in date, from the configured issuer
     * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), meant for CaseBridge (its {@code aud} holds
     * {@code casebridge.security.audience}) and names the caller's organisation (a non-blank {@code org}); a token
     * that fails any of them is answered 401. Without an issuer or an audience the service refuses to start.
     */
    static OAuth2TokenValidator<Jwt> tokenRules(String issuer, String audience) {
        if (!StringUtils.hasText(issuer)) {
            throw new IllegalStateException("No token issuer configured: set spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "(SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI) to the issuer whose tokens this service accepts");
        }
        if (!StringUtils.hasText(audience)) {
            throw new IllegalStateException("No token audience configured: set casebridge.security.audience "
                    + "(CASEBRIDGE_SECURITY_AUDIENCE) to the audience CaseBridge's tokens carry");
        }
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtAudienceValidator(audience), ORGANISATION_REQUIRED);
    }

    /** A token that names no organisation would match whatever has no organisation in it: refused. */
    static final OAuth2TokenValidator<Jwt> ORGANISATION_REQUIRED = jwt -> jwt.getClaims().get("org") instanceof String org
            && StringUtils.hasText(org)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                            "The token names no organisation (org claim)", null));

    private static RSAPublicKey readPublicKey(String location) throws IOException, java.security.GeneralSecurityException {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            String pem = new String(in.readAllBytes()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
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
