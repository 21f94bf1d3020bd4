package org.casebridge.sharing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** sharing-service: the authority on who may see and do what. */
@SpringBootApplication
@org.springframework.boot.context.properties.EnableConfigurationProperties(
        org.casebridge.sharing.webhooks.delivery.WebhookSettings.class)
public class SharingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SharingServiceApplication.class, args);
    }
}
