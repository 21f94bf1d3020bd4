package org.casebridge.tasking.tasks.api;

import org.casebridge.tasking.tasks.domain.Assignee;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user, team or organisation to give a task to. The organisation they belong to is the directory's
 * ({@link AssigneesFromDirectory} fills it in as the body is read); one stated here must be that one.
 */
record AssigneeRequest(@NotNull Assignee.Kind kind,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String id,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9_]+") String organisation) {

    AssigneeRequest withOrganisation(String organisation) {
        return new AssigneeRequest(kind, id, organisation);
    }

    Assignee toAssignee() {
        return new Assignee(kind, id, organisation);
    }
}
