package org.casebridge.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.util.StringUtils;

import reactor.core.publisher.Mono;

/**
 * The gateway checks the bearer token before anything is routed (401 problem+json otherwise) and relays it
 * unchanged, so every service checks it again and knows who is asking. It trusts the same issuers, with the same
 * rules of who is who ({@link TrustedIssuer}), as the services.
 */
@Configuration
@EnableWebFluxSecurity
@EnableConfigurationProperties({OAuth2ResourceServerProperties.class, GatewaySecurity.TrustedIssuersProperties.class})
class GatewaySecurity {

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, Problems problems, RateLimits rateLimits,
            JwtIssuerReactiveAuthenticationManagerResolver trustedIssuers) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/fallback/**").permitAll()
                        .pathMatchers("/api/**", "/actuator/**").authenticated()
                        // everything else is the web console, which signs its users in itself (browser sessions, not bearer tokens)
                        .anyExchange().permitAll())
                // a token that fails the check: refused, and all such requests share one small allowance
                .oauth2ResourceServer(oauth -> oauth.authenticationManagerResolver(trustedIssuers)
                        .authenticationEntryPoint((exchange, e) -> rateLimits.refuseUnverified(exchange,
                                () -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                        "Authentication required", "A valid bearer token is required."))))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> rateLimits.refuseUnverified(exchange,
                                () -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                        "Authentication required", "A valid bearer token is required."))))
                .build();
    }

    /**
     * The issuers whose tokens the gateway believes, by {@code iss} (Spring Security's issuer-based resolver): the
     * services' own list, {@code casebridge.security.issuers}, or, when none are listed, the one issuer of
     * {@code spring.security.oauth2.resourceserver.jwt.*} as before. A token of an issuer not listed is refused (401)
     * before any key is looked up.
     */
    @Bean
    JwtIssuerReactiveAuthenticationManagerResolver trustedIssuers(TrustedIssuersProperties configured,
            OAuth2ResourceServerProperties properties,
            @Value("${casebridge.security.test-public-key-location:}") String testPublicKeyLocation,
            @Value("${casebridge.security.audience:}") String audience) {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        List<TrustedIssuer> issuers = configured.issuers().isEmpty()
                ? List.of(TrustedIssuer.partnershipIssuer(jwt.getIssuerUri(), jwt.getJwkSetUri(), testPublicKeyLocation, audience))
                : configured.issuers();
        Map<String, ReactiveAuthenticationManager> managers = new LinkedHashMap<>();
        for (TrustedIssuer issuer : issuers) {
            TrustedIssuer entry = issuer.checked(audience);
            if (managers.put(entry.issuerUri(), new JwtReactiveAuthenticationManager(decoder(entry))) != null) {
                throw new IllegalStateException("casebridge.security.issuers lists " + entry.issuerUri() + " twice");
            }
        }
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> Mono.justOrEmpty(managers.get(issuer)));
    }

    /** Keys from the issuer's JWKS (or its PEM public key); claims mapped to CaseBridge's before the rules are checked. */
    static ReactiveJwtDecoder decoder(TrustedIssuer issuer) {
        NimbusReactiveJwtDecoder decoder = StringUtils.hasText(issuer.publicKeyLocation())
                ? NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(issuer.publicKeyLocation())).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        MappedJwtClaimSetConverter standard = MappedJwtClaimSetConverter.withDefaults(Map.of());
        decoder.setClaimSetConverter(claims -> issuer.normalise(standard.convert(claims)));
        decoder.setJwtValidator(issuer.rules());
        return decoder;
    }

    /** The issuers of {@code casebridge.security.issuers}, the same list the services are given. */
    @ConfigurationProperties("casebridge.security")
    record TrustedIssuersProperties(List<TrustedIssuer> issuers) {
        TrustedIssuersProperties {
            issuers = issuers == null ? List.of() : List.copyOf(issuers);
        }
    }

    private static RSAPublicKey readPublicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            String pem = new String(in.readAllBytes()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the public key at " + location, e);
        }
    }
}
