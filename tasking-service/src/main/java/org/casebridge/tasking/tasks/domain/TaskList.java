package org.casebridge.tasking.tasks.domain;

/**
 * The lists of tasks a practitioner looks at: MINE (assigned to them), TEAM (to their teams or their whole
 * organisation), SET_BY_ME, OVERDUE (open and past due, among those three), CASE (every task on one case).
 */
public enum TaskList { MINE, TEAM, SET_BY_ME, OVERDUE, CASE }
