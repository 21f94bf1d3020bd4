package org.casebridge.cases.domain;

/** Where a case is in its life: REFERRAL → OPEN → (REVIEW) → CLOSED. */
public enum CaseStatus {
    REFERRAL, OPEN, REVIEW, CLOSED
}
