package org.casebridge.cases.domain;

import java.time.Instant;

/**
 * A person, a location or another case linked to this case, with the role it plays here.
 *
 * @param targetId the party-service id of the person or location, or the other case's id
 */
public record Link(Target target, String targetId, String role, String linkedBy, String organisation, Instant linkedAt) {

    public enum Target { PERSON, LOCATION, CASE }

    /** Roles a person can have in a case. */
    public enum PersonRole { VICTIM, PERPETRATOR, ALLEGED_PERPETRATOR, WITNESS, COMPLAINANT, SUBJECT, FAMILY_MEMBER, OTHER }

    /** Roles a location can have in a case. */
    public enum LocationRole { INCIDENT_LOCATION, VICTIM_HOME, PERPETRATOR_HOME, LOCATION_OF_CONCERN, OTHER }
}
