package org.casebridge.tasking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** tasking-service: partners set each other tasks on the cases they share. */
@SpringBootApplication
public class TaskingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaskingServiceApplication.class, args);
    }
}
