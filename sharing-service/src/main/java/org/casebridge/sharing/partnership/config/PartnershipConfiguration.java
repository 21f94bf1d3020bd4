package org.casebridge.sharing.partnership.config;

import org.casebridge.sharing.partnership.domain.Partnership;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(PartnershipProperties.class)
class PartnershipConfiguration {

    @Bean
    Partnership partnership(PartnershipProperties properties) {
        return properties.toPartnership();
    }
}
