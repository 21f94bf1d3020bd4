package org.casebridge.parties;

import org.casebridge.parties.domain.RepeatPresentation;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** party-service: the people and places partners work with, recorded once instead of in every agency's system. */
@SpringBootApplication
@EnableConfigurationProperties(RepeatPresentationSettings.class)
public class PartyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartyServiceApplication.class, args);
    }

    @Bean
    RepeatPresentation repeatPresentation(RepeatPresentationSettings settings) {
        return settings.rule();
    }
}
