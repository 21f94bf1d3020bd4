package org.casebridge.sharing.webhooks.domain;

/** A webhook call's status as partners read it. */
public enum CallStatus {
    PENDING, SENDING, DELIVERED, FAILED
}
