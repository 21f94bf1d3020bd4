package org.casebridge.tasking.tasks.api;

import java.time.LocalDate;

import org.casebridge.tasking.tasks.domain.Task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A task to set: on a case ({@code caseId}), or about a person or a location ({@code subjectKind} and
 * {@code subjectId}) when there is no case.
 *
 * @param assignee who should do it; the creator when absent
 * @param sourceLogEntryId the case log entry the task came from, e.g. a meeting decision
 */
record NewTaskRequest(
        @Pattern(regexp = "[0-9a-f]{24}", message = "must be a case id") String caseId,
        Task.SubjectKind subjectKind,
        @Pattern(regexp = "[0-9a-f]{24}", message = "must be a person or location id") String subjectId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        Task.Priority priority,
        LocalDate dueDate,
        @Valid AssigneeRequest assignee,
        @Pattern(regexp = "[0-9a-f]{24}", message = "must be a case log entry id") String sourceLogEntryId) {
}
