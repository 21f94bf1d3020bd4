package org.casebridge.tasking.tasks.domain;

import java.util.List;
import java.util.Set;

/** Who is acting on a task: their id, organisation, principals (user:, team:, org:) and roles. */
public record Actor(String userId, String organisation, List<String> principals, Set<String> roles) {

    /** Supervisors allocate and reassign the tasks set to their teams or organisation, and hear of escalations. */
    public static final String SUPERVISOR = "SUPERVISOR";

    public boolean supervises(Assignee assignee) {
        return roles.contains(SUPERVISOR) && assignee.organisation().equals(organisation);
    }
}
