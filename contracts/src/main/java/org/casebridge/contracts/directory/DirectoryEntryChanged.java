package org.casebridge.contracts.directory;

import java.time.Instant;
import java.util.List;

/**
 * {@code casebridge.directory.entry-changed.v1} on the compacted directory topic: an organisation, a team or a user as
 * it now stands. Key and subject = {@code org:<code>}, {@code team:<code>} or {@code user:<id>}; the latest record per
 * key is the directory.
 *
 * @param kind ORGANISATION, TEAM or USER
 * @param organisation the organisation a team or user belongs to (an organisation's own code for itself)
 * @param organisationKind for organisations: POLICE, LOCAL_AUTHORITY, HOUSING, PROBATION, HEALTH, FIRE, VOLUNTARY
 * @param teams a user's teams; empty otherwise
 * @param roles a user's roles; empty otherwise
 * @param active false once an organisation's administrator has deactivated the user or team
 */
public record DirectoryEntryChanged(String key, String kind, String id, String name, String organisation,
        String organisationKind, List<String> teams, List<String> roles, boolean active, Instant changedAt) {
}
