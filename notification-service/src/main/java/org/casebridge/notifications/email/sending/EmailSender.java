package org.casebridge.notifications.email.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.casebridge.notifications.email.store.MongoEmailOutbox;
import org.casebridge.notifications.email.store.MongoEmailOutbox.Email;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * Sends queued e-mails through the SMTP server. A failure is tried again with backoff; when the server keeps failing
 * the circuit breaker opens and e-mails simply wait, uncounted, until it is back. Nothing is lost.
 */
@Component
public class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final Duration WHILE_OPEN = Duration.ofSeconds(5);

    private final MongoEmailOutbox outbox;
    private final JavaMailSender mail;
    private final CircuitBreaker smtp;
    private final EmailSettings settings;
    private final Clock clock;

    EmailSender(MongoEmailOutbox outbox, JavaMailSender mail, CircuitBreakerFactory<?, ?> breakers, EmailSettings settings,
            Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.smtp = breakers.create("smtp");
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${casebridge.notifications.email.send-every}")
    void onSchedule() {
        sendDue();
    }

    /** Sends what is due now; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        for (int i = 0; i < settings.batch(); i++) {
            Optional<Email> next = outbox.claimNext(clock.instant(), settings.claimFor());
            if (next.isEmpty()) {
                break;
            }
            if (send(next.get())) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(Email email) {
        return smtp.run(() -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(settings.from());
            message.setTo(email.to());
            message.setSubject(email.subject());
            message.setText(email.body());
            mail.send(message);
            outbox.sent(email.id(), clock.instant());
            return true;
        }, failure -> {
            Instant now = clock.instant();
            if (failure instanceof CallNotPermittedException) {
                outbox.postpone(email.id(), now.plus(WHILE_OPEN));
                return false;
            }
            int attempts = email.attempts() + 1;
            boolean giveUp = settings.retry().givesUpAfter(attempts);
            log.warn("E-mail {} to {} failed (attempt {}): {}", email.id(), email.to(), attempts, failure.toString());
            outbox.failed(email.id(), failure.toString(), now.plus(settings.retry().after(attempts)), giveUp);
            return false;
        });
    }
}
