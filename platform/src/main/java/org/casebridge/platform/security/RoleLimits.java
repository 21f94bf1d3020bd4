package org.casebridge.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Accounts that exist for one job only: an ANALYST counts (no personal data), an INTEGRATION account is a partner
 * system pushing records in and managing its webhooks. An account whose every role is such a limited role may call
 * only the endpoints its roles list ({@code casebridge.security.limited-roles.<ROLE>} in each service's
 * {@code application.yml}, e.g. {@code GET /api/v1/cases/reports/**}, or a path for any method); everything else is a
 * 403 problem. A role the service lists nothing for reaches nothing there. An account that also holds a full role
 * (PRACTITIONER, SUPERVISOR, ...) is not limited by these rules. Anyone not signed in is refused as before (401).
 */
public final class RoleLimits implements AuthorizationManager<RequestAuthorizationContext> {

    /** Limited whatever a service says: the founding design gives these roles no records to read. */
    public static final Set<String> ALWAYS_LIMITED = Set.of("ANALYST", "INTEGRATION");

    /** Why a limited account was refused, for the 403 problem's detail. */
    static final class Refused extends AuthorizationDecision {
        private final String detail;

        Refused(String detail) {
            super(false);
            this.detail = detail;
        }

        String detail() {
            return detail;
        }
    }

    private final Map<String, List<RequestMatcher>> allowed;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    public RoleLimits(Map<String, List<String>> declared) {
        Map<String, List<RequestMatcher>> byRole = new LinkedHashMap<>();
        ALWAYS_LIMITED.forEach(role -> byRole.put(role, List.of()));
        if (declared != null) {
            declared.forEach((role, endpoints) -> byRole.put(role.toUpperCase(Locale.ROOT),
                    endpoints == null ? List.of() : endpoints.stream().map(RoleLimits::matcher).toList()));
        }
        this.allowed = Map.copyOf(byRole);
    }

    /** {@code "GET /api/v1/cases/reports/**"}, or just the path for any method. */
    static RequestMatcher matcher(String endpoint) {
        String[] parts = endpoint.strip().split("\\s+", 2);
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return parts.length == 2 ? paths.matcher(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1])
                : paths.matcher(parts[0]);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller == null || !caller.isAuthenticated() || trust.isAnonymous(caller)) {
            return new AuthorizationDecision(false);
        }
        Set<String> roles = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                .collect(Collectors.toCollection(TreeSet::new));
        if (roles.isEmpty() || !allowed.keySet().containsAll(roles)) {
            return new AuthorizationDecision(true);
        }
        boolean listed = roles.stream().flatMap(role -> allowed.get(role).stream())
                .anyMatch(endpoint -> endpoint.matches(context.getRequest()));
        return listed ? new AuthorizationDecision(true) : new Refused("An account with the role " + String.join(", ", roles)
                + " may use only its own endpoints (counts and reports for analysts, integration endpoints for partner "
                + "systems), not this one.");
    }
}
