package org.casebridge.cases.domain;

/** Who is doing something to a case: a user and the organisation they act for. */
public record Actor(String userId, String organisation) {
}
