package org.casebridge.cases.domain;

/** Why a case was closed. */
public enum CaseOutcome {
    RESOLVED, ESCALATED_TO_ENFORCEMENT, MOVED_AWAY, NO_FURTHER_ACTION, TRANSFERRED, OTHER
}
