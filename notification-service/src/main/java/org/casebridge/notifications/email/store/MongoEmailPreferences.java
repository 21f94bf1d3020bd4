package org.casebridge.notifications.email.store;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.casebridge.notifications.email.domain.EmailPreferences;
import org.casebridge.notifications.inbox.domain.Notification.Kind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Each user's e-mail preferences, and what was last seen of them (organisation and roles) when they used the
 * service, which gives their defaults and their address until the partnership directory exists.
 */
@Repository
public class MongoEmailPreferences {

    static final String COLLECTION = "email_preferences";

    @Document(COLLECTION)
    record Stored(@Id String userId, String organisation, Set<String> roles, String address, Map<Kind, EmailPreferences.Delivery> byKind) {
    }

    private final MongoTemplate mongo;

    MongoEmailPreferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the user's organisation and roles as their token gave them. */
    public void seen(String userId, String organisation, Set<String> roles) {
        mongo.upsert(Query.query(Criteria.where("_id").is(userId)),
                new Update().set("organisation", organisation).set("roles", roles), COLLECTION);
    }

    public void save(String userId, EmailPreferences preferences) {
        mongo.upsert(Query.query(Criteria.where("_id").is(userId)),
                new Update().set("address", preferences.address()).set("byKind", preferences.byKind()), COLLECTION);
    }

    /** The user's choices, or the defaults for their roles. */
    public EmailPreferences of(String userId) {
        Stored stored = mongo.findById(userId, Stored.class, COLLECTION);
        if (stored == null) {
            return EmailPreferences.defaultsFor(Set.of());
        }
        if (stored.byKind() == null) {
            EmailPreferences defaults = EmailPreferences.defaultsFor(stored.roles() == null ? Set.of() : stored.roles());
            return new EmailPreferences(stored.address(), defaults.byKind());
        }
        return new EmailPreferences(stored.address(), stored.byKind());
    }

    public Optional<String> organisationOf(String userId) {
        return Optional.ofNullable(mongo.findById(userId, Stored.class, COLLECTION)).map(Stored::organisation);
    }
}
