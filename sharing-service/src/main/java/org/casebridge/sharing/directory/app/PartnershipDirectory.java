package org.casebridge.sharing.directory.app;

import java.util.List;
import java.util.Optional;

import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.sharing.directory.domain.DirectoryEntry;
import org.casebridge.sharing.directory.store.MongoDirectory;
import org.springframework.stereotype.Component;

/** The partnership directory's use cases: who reads which entries, adding a team, (de)activating a user. */
@Component
public class PartnershipDirectory {

    private final MongoDirectory directory;
    private final DirectoryRegistration registration;

    PartnershipDirectory(MongoDirectory directory, DirectoryRegistration registration) {
        this.directory = directory;
        this.registration = registration;
    }

    /** An organisation's users or teams, for its administrators and the partnership's. */
    public List<DirectoryEntry> entries(String organisation, DirectoryEntry.Kind kind, CurrentUser user) {
        if (!user.roles().contains("PARTNERSHIP_ADMIN")) {
            DirectoryEntry.requireAdministratorOf(organisation, user.organisation(), user.roles());
        }
        return directory.ofOrganisation(organisation, kind);
    }

    /** The active users of an organisation. */
    public List<DirectoryEntry> activeUsersOf(String organisation) {
        return directory.ofOrganisation(organisation, DirectoryEntry.Kind.USER).stream().filter(DirectoryEntry::active)
                .toList();
    }

    public List<DirectoryEntry> activeTeams() {
        return directory.ofKind(DirectoryEntry.Kind.TEAM).stream().filter(DirectoryEntry::active).toList();
    }

    /** Every active user who belongs to an organisation. */
    public List<DirectoryEntry> activePractitioners() {
        return directory.ofKind(DirectoryEntry.Kind.USER).stream().filter(u -> u.active() && u.organisation() != null)
                .toList();
    }

    public Optional<DirectoryEntry> activeUser(String userId) {
        return directory.find("user:" + userId).filter(DirectoryEntry::active);
    }

    /** A team of the caller's own organisation, by its administrators. */
    public DirectoryEntry addTeam(String code, String name, CurrentUser user) {
        DirectoryEntry.requireAdministratorOf(user.organisation() == null ? "" : user.organisation(), user.organisation(),
                user.roles());
        if (directory.find("team:" + code).isPresent()) {
            throw DomainException.conflict("There is already a team " + code + ".");
        }
        DirectoryEntry entry = new DirectoryEntry(DirectoryEntry.Kind.TEAM, code, name.strip(), user.organisation(), null,
                List.of(), List.of(), true);
        directory.record(entry);
        return entry;
    }

    /** Deactivates or reactivates a user, by their organisation's administrators. */
    public DirectoryEntry changeUser(String id, boolean active, CurrentUser user) {
        DirectoryEntry known = directory.find("user:" + id).orElseThrow(() -> DomainException.notFound("User " + id));
        DirectoryEntry.requireAdministratorOf(known.organisation(), user.organisation(), user.roles());
        DirectoryEntry changed = known.withActive(active);
        directory.record(changed);
        registration.forget(id);
        return changed;
    }
}
