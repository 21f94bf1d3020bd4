package org.casebridge.sharing.directory.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.directory.domain.DirectoryEntry;
import org.casebridge.sharing.directory.store.MongoDirectory;
import org.casebridge.sharing.partnership.domain.Partnership;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Keeps the directory filled: the partnership's organisations and teams when the service starts, and each user the
 * first time they are seen (and again when their claims change), from the token of any request to sharing-service.
 */
@Component
public class DirectoryRegistration implements ApplicationRunner {

    private final MongoDirectory directory;
    private final Partnership partnership;
    /** What each user looked like last time, so an unchanged user costs no database call. */
    private final Map<String, String> lastSeen = new ConcurrentHashMap<>();

    DirectoryRegistration(MongoDirectory directory, Partnership partnership) {
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

    /** A request's caller: recorded when first seen or when their claims changed. */
    public void seen(CurrentUser user) {
        if (user.organisation() == null) {
            return;
        }
        String signature = user.organisation() + "|" + user.name() + "|" + user.teams() + "|" + user.roles();
        if (!signature.equals(lastSeen.get(user.id()))) {
            directory.record(DirectoryEntry.userSeen(user.id(), user.name(), user.organisation(), user.teams(),
                    user.roles(), directory.find("user:" + user.id()).orElse(null)));
            lastSeen.put(user.id(), signature);
        }
    }

    void forget(String userId) {
        lastSeen.remove(userId);
    }
}
