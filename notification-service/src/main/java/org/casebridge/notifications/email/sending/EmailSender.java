package org.casebridge.notifications.email.sending;

import java.time.Clock;

import org.casebridge.notifications.email.store.MongoEmailOutbox;
import org.casebridge.notifications.email.store.MongoEmailOutbox.Email;
import org.casebridge.platform.delivery.Channel;
import org.casebridge.platform.delivery.Courier;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued e-mails through the SMTP server, behind the {@code smtp} circuit breaker: the platform's
 * {@link Courier} does the retries and the waiting while the server is down. Nothing is lost.
 */
@Component
public class EmailSender implements Channel<Email> {

    private final JavaMailSender mail;
    private final EmailSettings settings;
    private final Courier<Email> courier;

    EmailSender(MongoEmailOutbox outbox, JavaMailSender mail, CircuitBreakerFactory<?, ?> breakers, EmailSettings settings,
            Clock clock) {
        this.mail = mail;
        this.settings = settings;
        this.courier = new Courier<>(outbox.queue(), this, breakers, clock,
                new Courier.Rounds(settings.batch(), settings.claimFor(), settings.retry()));
    }

    @Scheduled(fixedDelayString = "${casebridge.notifications.email.send-every}")
    void onSchedule() {
        sendDue();
    }

    /** Sends what is due now; returns how many were sent. */
    public int sendDue() {
        return courier.sendDue();
    }

    @Override
    public Attempt attempt(Email email) {
        return new Attempt("smtp", () -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(settings.from());
            message.setTo(email.to());
            message.setSubject(email.subject());
            message.setText(email.body());
            mail.send(message);
            return null;
        });
    }
}
