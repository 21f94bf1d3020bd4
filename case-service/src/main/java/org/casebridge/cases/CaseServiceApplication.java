package org.casebridge.cases;

import org.casebridge.cases.domain.AsbCaseReview;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** case-service: partners run a case here from referral to closure. */
@SpringBootApplication
public class CaseServiceApplication {

    /** The partnership's ASB Case Review threshold: complaints within a window of months. */
    @Bean
    AsbCaseReview asbCaseReview(@Value("${casebridge.cases.case-review.threshold:3}") int threshold,
            @Value("${casebridge.cases.case-review.window-months:6}") int windowMonths) {
        return new AsbCaseReview(threshold, windowMonths);
    }

    public static void main(String[] args) {
        SpringApplication.run(CaseServiceApplication.class, args);
    }
}
