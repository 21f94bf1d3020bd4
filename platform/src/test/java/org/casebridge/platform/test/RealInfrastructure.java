package org.casebridge.platform.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a real Kafka broker and a real MongoDB-wire server, started once per test JVM
 * and shared by every class that carries this annotation. Put it before {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealInfrastructureExtension.class)
public @interface RealInfrastructure {
}
