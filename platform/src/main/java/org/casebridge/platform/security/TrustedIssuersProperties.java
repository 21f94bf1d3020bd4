package org.casebridge.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code casebridge.security.issuers}: the identity providers whose tokens this service believes, each with its keys,
 * audience and claim mapping ({@link TrustedIssuer}). Empty: the one issuer of
 * {@code spring.security.oauth2.resourceserver.jwt.*}, as before.
 */
@ConfigurationProperties("casebridge.security")
public record TrustedIssuersProperties(List<TrustedIssuer> issuers) {

    public TrustedIssuersProperties {
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
    }
}
