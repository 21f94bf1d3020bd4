package org.casebridge.parties.domain.matching;

/** One name a person is known by. Either part may be missing: an alias is sometimes only a surname. */
public record PersonName(String given, String family) {
}
