package org.casebridge.platform;

import java.io.IOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Puts the platform's defaults (actuator probes, readiness including MongoDB and Kafka, Prometheus, consumer
 * group, error handling) behind everything a service configures itself.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("casebridgePlatformDefaults", new ClassPathResource("casebridge-platform-defaults.properties")));
        } catch (IOException e) {
            throw new IllegalStateException("platform defaults missing", e);
        }
    }
}
