package org.casebridge.tasking.tasks.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param caseId the case the task is about
 * @param assignee user id of whoever should do it; the creator when absent
 */
record NewTaskRequest(
        @NotNull @Pattern(regexp = "[0-9a-f]{24}", message = "must be a case id") String caseId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a user id") String assignee) {
}
