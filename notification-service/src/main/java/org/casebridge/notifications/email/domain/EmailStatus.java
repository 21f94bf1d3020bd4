package org.casebridge.notifications.email.domain;

/** Where an e-mail stands: the delivery queue's statuses, and the digest's own two. */
public enum EmailStatus { WAITING_FOR_DIGEST, DIGESTED, PENDING, SENDING, SENT, FAILED }
