package org.casebridge.contracts;

/**
 * How CaseBridge uses CloudEvents 1.0 on Kafka: binary mode, so the attributes travel as {@code ce_*}
 * headers and the record value is the JSON event data.
 * <ul>
 *   <li>{@code type}: {@code casebridge.<aggregate>.<event>.v<n>}, e.g. {@code casebridge.case.opened.v1}</li>
 *   <li>{@code subject}: the aggregate id, also the Kafka key</li>
 *   <li>{@code source}: the publishing service, e.g. {@code /case-service}</li>
 *   <li>extension {@code sequence}: the aggregate's version after the change; consumers skip one they have applied</li>
 *   <li>{@code datacontenttype}: {@code application/json} (the plain {@code content-type} header in binary mode);
 *   {@code dataschema}: {@code urn:casebridge:schema:<type>}, whose JSON Schema is {@link EventType#schemaPath()}</li>
 * </ul>
 */
public final class CloudEventConventions {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    public static final String SEQUENCE_EXTENSION = "sequence";
    public static final String HEADER_PREFIX = "ce_";
    public static final String SEQUENCE_HEADER = HEADER_PREFIX + SEQUENCE_EXTENSION;

    private CloudEventConventions() {
    }

    public static String source(String serviceName) {
        return "/" + serviceName;
    }
}
