package org.casebridge.contracts.task;

import java.time.LocalDate;

/**
 * A task as every task event carries it, so a consumer needs nothing else to act on it.
 *
 * @param caseId the case it is on, or null for a standalone task about a person or a location
 * @param subjectKind CASE, PERSON or LOCATION
 * @param status NEW, ACCEPTED, IN_PROGRESS, DONE, DECLINED or CANCELLED
 */
public record TaskSummary(String taskId, String caseId, String subjectKind, String subjectId, String title, String priority,
        LocalDate dueDate, Assignee assignee, String status, String createdBy, String createdByOrganisation) {

    /** @param kind USER, TEAM or ORGANISATION; {@code organisation} is the one the assignee belongs to */
    public record Assignee(String kind, String id, String organisation) {
    }
}
