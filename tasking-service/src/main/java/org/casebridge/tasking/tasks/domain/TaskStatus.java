package org.casebridge.tasking.tasks.domain;

/** Where a task is in its life: NEW → ACCEPTED → IN_PROGRESS → DONE, or DECLINED, or CANCELLED by its creator. */
public enum TaskStatus {
    NEW, ACCEPTED, IN_PROGRESS, DONE, DECLINED, CANCELLED;

    public boolean isOpen() {
        return this == NEW || this == ACCEPTED || this == IN_PROGRESS;
    }
}
