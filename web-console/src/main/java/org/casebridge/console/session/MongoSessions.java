package org.casebridge.console.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Sessions in the console's own MongoDB database, so that a restarted console, or another instance behind the
 * gateway, knows who is signed in. Spring Session's MongoDB module is not published for Boot 4, hence this small
 * repository. Attributes (the signed-in user, their tokens, the CSRF token) are Java-serialised: they never leave the
 * server.
 * <p>
 * Every request touches its session (its last access time). A request that changed nothing else does not write it
 * again unless the stored last access is {@link #TOUCH_EVERY} old: one write less per page, at the price of a session
 * expiring up to that much before its full time of inactivity.
 */
public class MongoSessions implements SessionRepository<MapSession> {

    static final String COLLECTION = "sessions";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MongoSessions.class);

    /** How stale the stored last access of an otherwise unchanged session may get before it is written again. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Duration maxInactive;
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer = new DeserializingConverter(MongoSessions.class.getClassLoader());
    /** Each session as this instance last read or wrote it, to tell whether a request changed more than its access time. */
    private final Cache<String, Stored> stored = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    private record Stored(byte[] attributes, Instant lastAccessedAt, Duration maxInactive) {
    }

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
            stored.invalidate(session.getOriginalId());
            mongo.remove(Query.query(Criteria.where("_id").is(session.getOriginalId())), COLLECTION);
        }
        Map<String, Object> attributes = new HashMap<>();
        for (String name : session.getAttributeNames()) {
            attributes.put(name, session.getAttribute(name));
        }
        byte[] serialized = serializer.convert(attributes);
        Stored before = stored.getIfPresent(session.getId());
        if (before != null && session.getId().equals(session.getOriginalId())
                && Arrays.equals(before.attributes(), serialized) && before.maxInactive().equals(session.getMaxInactiveInterval())
                && session.getLastAccessedTime().isBefore(before.lastAccessedAt().plus(TOUCH_EVERY))) {
            return; // only touched, and lately stored: what is stored still says who is signed in
        }
        Document document = new Document("_id", session.getId())
                .append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expiresAt", Date.from(session.getLastAccessedTime().plus(session.getMaxInactiveInterval())))
                .append("attributes", new Binary(serialized));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", session.getId()), document,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        stored.put(session.getId(), new Stored(serialized, session.getLastAccessedTime(), session.getMaxInactiveInterval()));
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
        byte[] serialized = document.get("attributes", Binary.class).getData();
        try {
            attributes = (Map<String, Object>) deserializer.convert(serialized);
        } catch (RuntimeException unreadable) {
            // written by an older console whose classes changed: start afresh rather than fail every request
            log.warn("Session {} could not be read back and was dropped: {}", id, unreadable.toString());
            deleteById(id);
            return null;
        }
        attributes.forEach(session::setAttribute);
        stored.put(id, new Stored(serialized, session.getLastAccessedTime(), session.getMaxInactiveInterval()));
        return session;
    }

    @Override
    public void deleteById(String id) {
        stored.invalidate(id);
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    /** Expired sessions are removed every few minutes (the embedded MongoDB-wire server has no TTL index). */
    @Scheduled(fixedDelayString = "${casebridge.console.session.cleanup:PT5M}")
    public void removeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(Instant.now()))), COLLECTION);
    }
}
