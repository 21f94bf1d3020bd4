package org.casebridge.sharing.directory.domain;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.casebridge.platform.domain.DomainException;

/**
 * One entry of the partnership's directory: an organisation, a team or a user, as other services and partner systems
 * read it from the compacted directory topic. Users come from the identity provider's claims the first time they are
 * seen; an organisation's administrators add teams and deactivate users of their own organisation only.
 */
public record DirectoryEntry(Kind kind, String id, String name, String organisation, String organisationKind,
        List<String> teams, List<String> roles, boolean active) {

    public enum Kind { ORGANISATION, TEAM, USER }

    /** The roles that manage an organisation's own users and teams. */
    public static final String ORG_ADMIN = "ORG_ADMIN";

    public DirectoryEntry {
        teams = teams == null ? List.of() : List.copyOf(new TreeSet<>(teams));
        roles = roles == null ? List.of() : List.copyOf(new TreeSet<>(roles));
    }

    public String key() {
        return switch (kind) {
            case ORGANISATION -> "org:" + id;
            case TEAM -> "team:" + id;
            case USER -> "user:" + id;
        };
    }

    /** A user as the token describes them; an earlier deactivation stands until an administrator lifts it. */
    public static DirectoryEntry userSeen(String id, String name, String organisation, Set<String> teams, Set<String> roles,
            DirectoryEntry known) {
        return new DirectoryEntry(Kind.USER, id, name, organisation, null, List.copyOf(teams), List.copyOf(roles),
                known == null || known.active());
    }

    /** Only an administrator of the entry's own organisation changes it. */
    public static void requireAdministratorOf(String organisation, String callerOrganisation, Set<String> callerRoles) {
        if (!callerRoles.contains(ORG_ADMIN) || !organisation.equals(callerOrganisation)) {
            throw DomainException.forbidden("Only " + organisation + "'s administrators manage its users and teams.");
        }
    }

    public DirectoryEntry withActive(boolean active) {
        return new DirectoryEntry(kind, id, name, organisation, organisationKind, teams, roles, active);
    }
}
