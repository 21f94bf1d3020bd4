package org.casebridge.sharing.directory.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.directory.domain.DirectoryEntry;
import org.casebridge.sharing.directory.store.MongoDirectory;
import org.casebridge.sharing.partnership.domain.Partnership;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the directory filled: the partnership's organisations and teams when the service starts, and each user the
 * first time they are seen (and again when their claims change), from the token of any request to sharing-service.
 */
@Component
class Directory implements HandlerInterceptor, ApplicationRunner {

    private final MongoDirectory directory;
    private final Partnership partnership;
    /** What each user looked like last time, so an unchanged user costs no database call. */
    private final Map<String, String> lastSeen = new ConcurrentHashMap<>();

    Directory(MongoDirectory directory, Partnership partnership) {
        this.directory = directory;
        this.partnership = partnership;
    }

    @Override
    public void run(ApplicationArguments args) {
        partnership.organisations().values().forEach(org -> {
            directory.record(new DirectoryEntry(DirectoryEntry.Kind.ORGANISATION, org.code(), org.name(), org.code(),
                    org.kind(), List.of(), List.of(), true));
            org.teams().forEach(team -> directory.record(directory.find("team:" + team).orElse(new DirectoryEntry(
                    DirectoryEntry.Kind.TEAM, team, team, org.code(), null, List.of(), List.of(), true))));
        });
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            CurrentUser user = CurrentUser.from(jwt);
            if (user.organisation() != null) {
                String signature = user.organisation() + "|" + user.name() + "|" + user.teams() + "|" + user.roles();
                if (!signature.equals(lastSeen.get(user.id()))) {
                    directory.record(DirectoryEntry.userSeen(user.id(), user.name(), user.organisation(), user.teams(),
                            user.roles(), directory.find("user:" + user.id()).orElse(null)));
                    lastSeen.put(user.id(), signature);
                }
            }
        }
        return true;
    }

    void forget(String userId) {
        lastSeen.remove(userId);
    }
}
