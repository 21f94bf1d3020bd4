package org.casebridge.cases.domain;

/** A case's human reference, such as {@code ASB-2026-000123}: unique, sequential per prefix and year, never reused. */
public record CaseReference(String value) {

    public static CaseReference of(CaseType type, int year, long number) {
        if (number < 1 || number > 999_999) {
            throw new IllegalArgumentException("reference number out of range: " + number);
        }
        return new CaseReference("%s-%04d-%06d".formatted(type.referencePrefix(), year, number));
    }

    @Override
    public String toString() {
        return value;
    }
}
