package org.casebridge.tasking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/** tasking-service: partners give each other work on shared cases and see it done. */
@SpringBootApplication
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class TaskingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaskingServiceApplication.class, args);
    }

    /** Scheduled work runs on one instance at a time, whichever holds the lock in MongoDB. */
    @Bean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }
}
