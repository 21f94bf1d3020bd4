package org.casebridge.console.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

/**
 * Sessions in the console's own MongoDB database, so that a restarted console, or another instance behind the
 * gateway, knows who is signed in. Spring Session's MongoDB module is not published for Boot 4, hence this small
 * repository. Attributes (the signed-in user, their tokens, the CSRF token) are Java-serialised: they never leave the
 * server.
 */
public class MongoSessions implements SessionRepository<MapSession> {

    static final String COLLECTION = "sessions";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MongoSessions.class);

    private final MongoTemplate mongo;
    private final Duration maxInactive;
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer = new DeserializingConverter(MongoSessions.class.getClassLoader());

    public MongoSessions(MongoTemplate mongo, Duration maxInactive) {
        this.mongo = mongo;
        this.maxInactive = maxInactive;
    }

    @Override
    public MapSession createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(maxInactive);
        return session;
    }

    @Override
    public void save(MapSession session) {
        if (!session.getId().equals(session.getOriginalId())) {
            // a new id after sign-in (session fixation protection): the old one must stop working
            mongo.remove(Query.query(Criteria.where("_id").is(session.getOriginalId())), COLLECTION);
        }
        Map<String, Object> attributes = new HashMap<>();
        for (String name : session.getAttributeNames()) {
            attributes.put(name, session.getAttribute(name));
        }
        Document document = new Document("_id", session.getId())
                .append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expiresAt", Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval())))
                .append("attributes", new Binary(serializer.convert(attributes)));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", session.getId()), document,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    @Override
    @SuppressWarnings("unchecked")
    public MapSession findById(String id) {
        Document document = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
        if (document == null) {
            return null;
        }
        MapSession session = new MapSession(id);
        session.setCreationTime(document.getDate("createdAt").toInstant());
        session.setLastAccessedTime(document.getDate("lastAccessedAt").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(((Number) document.get("maxInactiveSeconds")).longValue()));
        if (session.isExpired()) {
            deleteById(id);
            return null;
        }
        Map<String, Object> attributes;
        try {
            attributes = (Map<String, Object>) deserializer.convert(document.get("attributes", Binary.class).getData());
        } catch (RuntimeException unreadable) {
            // written by an older console whose classes changed: start afresh rather than fail every request
            log.warn("Session {} could not be read back and was dropped: {}", id, unreadable.toString());
            deleteById(id);
            return null;
        }
        attributes.forEach(session::setAttribute);
        return session;
    }

    @Override
    public void deleteById(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    /** Expired sessions are removed every few minutes (the embedded MongoDB-wire server has no TTL index). */
    @Scheduled(fixedDelayString = "${casebridge.console.session.cleanup:PT5M}")
    public void removeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(Instant.now()))), COLLECTION);
    }
}
