package org.casebridge.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

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

    /**
     * The layers inside every feature: api and messaging call the feature's use cases in app; app reaches the store;
     * everyone may use the domain. So a listener never goes through a controller, a controller never reads the store
     * behind its use cases' back, and nothing calls back up. Features meet through app (or the domain).
     */
    public static final ArchRule LAYERS_OF_EVERY_FEATURE = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("api").definedBy("org.casebridge..api..")
            .layer("messaging").definedBy("org.casebridge..messaging..")
            .layer("app").definedBy("org.casebridge..app..")
            .layer("store").definedBy("org.casebridge..store..")
            .layer("domain").definedBy("org.casebridge..domain..")
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
            .whereLayer("app").mayOnlyBeAccessedByLayers("api", "messaging")
            .whereLayer("store").mayOnlyBeAccessedByLayers("app")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "messaging", "app", "store")
            .because("a newcomer finds what happens on a change in the feature's app package, whoever asked for it");
}
