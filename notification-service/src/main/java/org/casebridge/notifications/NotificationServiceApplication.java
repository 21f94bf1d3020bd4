package org.casebridge.notifications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** notification-service: tells practitioners what needs their attention. */
@SpringBootApplication
@org.springframework.boot.context.properties.EnableConfigurationProperties(
        org.casebridge.notifications.email.sending.EmailSettings.class)
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
