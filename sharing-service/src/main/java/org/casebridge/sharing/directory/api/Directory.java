package org.casebridge.sharing.directory.api;

import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.directory.app.DirectoryRegistration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Tells the directory of each request's caller (see {@link DirectoryRegistration}). */
@Component
class Directory implements HandlerInterceptor {

    private final DirectoryRegistration registration;

    Directory(DirectoryRegistration registration) {
        this.registration = registration;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            registration.seen(CurrentUser.from(jwt));
        }
        return true;
    }
}
