package org.casebridge.tasking.tasks.domain;

/** Where a task is in its life. Accepting, updating and completing come with task updates. */
public enum TaskStatus {
    NEW
}
