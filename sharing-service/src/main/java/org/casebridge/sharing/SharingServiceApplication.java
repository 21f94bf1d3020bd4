package org.casebridge.sharing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** sharing-service: the authority on who may see and do what. */
@SpringBootApplication
public class SharingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SharingServiceApplication.class, args);
    }
}
