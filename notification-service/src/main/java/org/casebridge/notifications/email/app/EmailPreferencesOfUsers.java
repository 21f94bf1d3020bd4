package org.casebridge.notifications.email.app;

import java.util.EnumMap;
import java.util.Map;

import org.casebridge.notifications.email.domain.EmailPreferences;
import org.casebridge.notifications.email.sending.EmailSettings;
import org.casebridge.notifications.email.store.MongoEmailPreferences;
import org.casebridge.notifications.inbox.domain.Notification;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * What each user wants e-mailed, and where. A user is remembered when seen (their organisation gives the address,
 * their roles the default preferences); mail goes only to an address of their own organisation's domain.
 */
@Component
public class EmailPreferencesOfUsers {

    private final MongoEmailPreferences preferences;
    private final EmailSettings settings;

    EmailPreferencesOfUsers(MongoEmailPreferences preferences, EmailSettings settings) {
        this.preferences = preferences;
        this.settings = settings;
    }

    /** Remembered for e-mail: the organisation gives the address, the roles the default preferences. */
    public void seen(CurrentUser user) {
        preferences.seen(user.id(), user.organisation(), user.roles());
    }

    public EmailPreferences mine(CurrentUser user) {
        seen(user);
        return preferences.of(user.id());
    }

    /** Kinds left out keep what they had; a blank address keeps the one held. */
    public EmailPreferences change(CurrentUser user, String requestedAddress,
            Map<Notification.Kind, EmailPreferences.Delivery> email) {
        EmailPreferences current = preferences.of(user.id());
        Map<Notification.Kind, EmailPreferences.Delivery> merged = new EnumMap<>(current.byKind());
        if (email != null) {
            email.forEach((kind, delivery) -> {
                if (kind != null && delivery != null) {
                    merged.put(kind, delivery);
                }
            });
        }
        String address = requestedAddress == null || requestedAddress.isBlank() ? current.address()
                : requestedAddress.strip();
        // titles name cases: mail goes only to the user's own organisation's domain, never to a private mailbox
        if (address != null && !settings.isOrganisationAddress(address, user.organisation())) {
            throw DomainException.invalid("E-mail can only go to an address of your organisation's domain.");
        }
        EmailPreferences changed = new EmailPreferences(address, merged);
        seen(user);
        preferences.save(user.id(), changed);
        return changed;
    }
}
