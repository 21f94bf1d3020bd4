package org.casebridge.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The practitioners' web console: a backend-for-frontend that the gateway serves at {@code /}. It signs people in
 * with the partnership's OpenID Connect issuer, keeps their tokens on the server (in its sessions, in its own MongoDB
 * database) and calls the API through the gateway with them, like any other client. It owns no case data.
 */
@SpringBootApplication
@EnableScheduling
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
