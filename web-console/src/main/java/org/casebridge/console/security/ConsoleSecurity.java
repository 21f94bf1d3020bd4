package org.casebridge.console.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may see the console's pages: anyone signed in with the partnership's issuer (authorization code with PKCE;
 * the tokens stay in the server-side session). Every form carries a CSRF token; the Content-Security-Policy allows
 * no inline script and nothing from another origin; signing out ends the issuer's session too.
 */
@Configuration
class ConsoleSecurity {

    static final String SIGN_IN = "/oauth2/authorization/casebridge";

    /** Signing out is a form whose answer redirects to the issuer, and browsers hold redirects to form-action. */
    static String contentSecurityPolicy(String issuerOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; form-action 'self' " + issuerOrigin + "; frame-ancestors 'none'; base-uri 'self'; "
                + "object-src 'none'";
    }

    /**
     * The user's tokens live in their session, so in MongoDB with it. Boot's default keeps them in this JVM's memory,
     * and a restarted console (found by the restart test) then signed everybody out.
     */
    @Bean
    org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository authorizedClients() {
        return new org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations,
            org.springframework.core.env.Environment environment) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        String policy = contentSecurityPolicy(environment.getRequiredProperty("casebridge.console.issuer-origin"));
        return http
                .authorizeHttpRequests(auth -> auth
                        // console.css and console.js are also asked for by their content's hash: /console-1a2b….css
                        .requestMatchers("/webjars/**", "/assets/**", "/styles/**", "/console.css", "/console-*.css",
                                "/console.js", "/console-*.js", "/favicon.ico",
                                "/signed-out", "/error", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage(SIGN_IN))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN)))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(signedOut))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
