package org.casebridge.tasking.tasks.domain;

import java.util.List;

import org.casebridge.platform.domain.DomainException;

/**
 * Who a task is for: a named user, a team, or a whole organisation that then allocates it inside. The organisation
 * is always known, because tasking across organisations follows what each may see.
 */
public record Assignee(Kind kind, String id, String organisation) {

    public enum Kind { USER, TEAM, ORGANISATION }

    public Assignee {
        if (kind == null || id == null || id.isBlank() || organisation == null || organisation.isBlank()) {
            throw DomainException.invalid("An assignee needs a kind (USER, TEAM or ORGANISATION), an id and an organisation.");
        }
        if (kind == Kind.ORGANISATION && !id.equals(organisation)) {
            throw DomainException.invalid("A task set to an organisation names it as both id and organisation.");
        }
    }

    /** The principals (as in access lists) that stand for this assignee. */
    public List<String> principals() {
        return switch (kind) {
            case USER -> List.of("user:" + id, "org:" + organisation);
            case TEAM -> List.of("team:" + id, "org:" + organisation);
            case ORGANISATION -> List.of("org:" + organisation);
        };
    }

    /** Whether someone with these principals is the assignee or a member of the team or organisation it names. */
    public boolean includes(List<String> callerPrincipals) {
        String own = switch (kind) {
            case USER -> "user:" + id;
            case TEAM -> "team:" + id;
            case ORGANISATION -> "org:" + organisation;
        };
        return callerPrincipals.contains(own);
    }
}
