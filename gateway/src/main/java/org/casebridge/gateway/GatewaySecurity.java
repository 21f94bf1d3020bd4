package org.casebridge.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.util.StringUtils;

/**
 * The gateway checks the bearer token before anything is routed (401 problem+json otherwise) and relays it
 * unchanged, so every service checks it again and knows who is asking.
 */
@Configuration
@EnableWebFluxSecurity
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
class GatewaySecurity {

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, Problems problems, RateLimits rateLimits) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/fallback/**").permitAll()
                        .pathMatchers("/api/**", "/actuator/**").authenticated()
                        // everything else is the web console, which signs its users in itself (browser sessions, not bearer tokens)
                        .anyExchange().permitAll())
                // a token that fails the check: refused, and all such requests share one small allowance
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, e) -> rateLimits.refuseUnverified(exchange,
                                () -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                        "Authentication required", "A valid bearer token is required."))))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> rateLimits.refuseUnverified(exchange,
                                () -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                        "Authentication required", "A valid bearer token is required."))))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties,
            @Value("${casebridge.security.test-public-key-location:}") String testPublicKeyLocation,
            @Value("${casebridge.security.audience:}") String audience)
            throws IOException, GeneralSecurityException {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        OAuth2TokenValidator<Jwt> validator = tokenRules(jwt.getIssuerUri(), audience);
        NimbusReactiveJwtDecoder decoder = StringUtils.hasText(testPublicKeyLocation)
                ? NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(testPublicKeyLocation)).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /**
     * The services' rules, checked here first: in date, from the configured issuer, for the CaseBridge audience and
     * naming a non-blank organisation ({@code org}), or 401. Without an issuer or audience the gateway does not start.
     */
    static OAuth2TokenValidator<Jwt> tokenRules(String issuer, String audience) {
        if (!StringUtils.hasText(issuer)) {
            throw new IllegalStateException("No token issuer configured: set spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "(SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI) to the issuer whose tokens the gateway accepts");
        }
        if (!StringUtils.hasText(audience)) {
            throw new IllegalStateException("No token audience configured: set casebridge.security.audience "
                    + "(CASEBRIDGE_SECURITY_AUDIENCE) to the audience CaseBridge's tokens carry");
        }
        OAuth2TokenValidator<Jwt> organisationRequired = token -> token.getClaims().get("org") instanceof String org
                && StringUtils.hasText(org)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                                "The token names no organisation (org claim)", null));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtAudienceValidator(audience), organisationRequired);
    }

    private static RSAPublicKey readPublicKey(String location) throws IOException, GeneralSecurityException {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            String pem = new String(in.readAllBytes()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }
}
