package org.casebridge.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** Architecture rules every service checks with ArchUnit. */
public final class DomainRules {

    private DomainRules() {
    }

    /** The domain holds the rules and knows nothing of HTTP, Kafka or MongoDB. */
    public static final ArchRule DOMAIN_IS_FREE_OF_WEB_KAFKA_AND_MONGODB = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "org.apache.kafka..", "org.springframework.kafka..", "io.cloudevents..",
                    "com.mongodb..", "org.bson..", "org.springframework.data.mongodb..")
            .because("a newcomer should read the rules of the domain without the plumbing around them");
}
