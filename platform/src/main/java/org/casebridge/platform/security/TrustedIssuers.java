package org.casebridge.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.util.StringUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The issuers a service trusts, by {@code iss}: a bearer token is checked with its own issuer's keys, audience and
 * organisation rule ({@link TrustedIssuer}); a token of an issuer not listed is refused (401) before any key is looked
 * up. Spring Security's {@link JwtIssuerAuthenticationManagerResolver} picks the issuer.
 */
public final class TrustedIssuers {

    private final Map<String, TrustedIssuer> byIssuer;
    private final Map<String, AuthenticationManager> managers;

    /**
     * @param authorities how a believed token becomes an authentication (roles to authorities)
     */
    public TrustedIssuers(List<TrustedIssuer> issuers, String defaultAudience,
            Converter<Jwt, AbstractAuthenticationToken> authorities) {
        if (issuers.isEmpty()) {
            throw new IllegalStateException("No token issuer configured: list casebridge.security.issuers");
        }
        Map<String, TrustedIssuer> checked = new LinkedHashMap<>();
        Map<String, AuthenticationManager> byName = new LinkedHashMap<>();
        for (TrustedIssuer issuer : issuers) {
            TrustedIssuer entry = issuer.checked(defaultAudience);
            if (checked.put(entry.issuerUri(), entry) != null) {
                throw new IllegalStateException("casebridge.security.issuers lists " + entry.issuerUri() + " twice");
            }
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder(entry));
            provider.setJwtAuthenticationConverter(authorities);
            byName.put(entry.issuerUri(), new ProviderManager(provider));
        }
        this.byIssuer = Collections.unmodifiableMap(checked);
        this.managers = Collections.unmodifiableMap(byName);
    }

    /** The issuers, checked, by {@code iss}. */
    public Map<String, TrustedIssuer> issuers() {
        return byIssuer;
    }

    /** For {@code oauth2ResourceServer().authenticationManagerResolver(...)}. */
    public AuthenticationManagerResolver<HttpServletRequest> resolver() {
        return new JwtIssuerAuthenticationManagerResolver(managers::get);
    }

    /** Keys from the issuer's JWKS (or its PEM public key); claims mapped to CaseBridge's before the rules are checked. */
    static JwtDecoder decoder(TrustedIssuer issuer) {
        NimbusJwtDecoder decoder = StringUtils.hasText(issuer.publicKeyLocation())
                ? NimbusJwtDecoder.withPublicKey(readPublicKey(issuer.publicKeyLocation())).build()
                : NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        MappedJwtClaimSetConverter standard = MappedJwtClaimSetConverter.withDefaults(Map.of());
        decoder.setClaimSetConverter(claims -> issuer.normalise(standard.convert(claims)));
        decoder.setJwtValidator(issuer.rules());
        return decoder;
    }

    /** A PEM ({@code -----BEGIN PUBLIC KEY-----}) RSA public key, from a file:, classpath: or http: location. */
    public static RSAPublicKey readPublicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            String pem = new String(in.readAllBytes()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the public key at " + location, e);
        }
    }
}
