package org.casebridge.platform.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code casebridge.security.limited-roles}: per limited role, the endpoints of this service it may call
 * ({@code "GET /api/v1/cases/reports/**"}, or a path for any method). See {@link RoleLimits}.
 */
@ConfigurationProperties("casebridge.security")
public record LimitedRolesProperties(Map<String, List<String>> limitedRoles) {

    public LimitedRolesProperties {
        limitedRoles = limitedRoles == null ? Map.of() : limitedRoles;
    }
}
