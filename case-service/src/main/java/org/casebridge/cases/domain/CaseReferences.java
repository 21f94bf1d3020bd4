package org.casebridge.cases.domain;

/** Hands out the next reference number for a prefix and year; numbers are never handed out twice. */
public interface CaseReferences {

    long next(String prefix, int year);
}
