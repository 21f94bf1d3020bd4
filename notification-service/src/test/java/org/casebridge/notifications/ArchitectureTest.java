package org.casebridge.notifications;

import org.casebridge.platform.test.DomainRules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.casebridge.notifications", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = DomainRules.DOMAIN_IS_FREE_OF_WEB_KAFKA_AND_MONGODB;

    /** api and messaging (of inbox, email) -> app -> domain; the store only behind app; no api from messaging. */
    @ArchTest
    static final ArchRule layers = DomainRules.LAYERS_OF_EVERY_FEATURE;
}
