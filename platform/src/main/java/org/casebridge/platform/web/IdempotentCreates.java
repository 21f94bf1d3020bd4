package org.casebridge.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.codec.digest.DigestUtils;
import org.bson.Document;
import org.casebridge.platform.audit.AuditTrail;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs that create something and carry an {@code Idempotency-Key}: a client retrying over a flaky network creates one
 * record, not two. The key belongs to the caller (another user's same key is another key) and to one request: it
 * remembers a SHA-256 fingerprint of the request body and the id the record was (or is being) created under, for
 * {@code casebridge.idempotency.ttl} (24 hours; a TTL index removes it, and a key older than that is forgotten on
 * read too, as not every MongoDB-wire server expires documents).
 * <ul>
 * <li>a replay of the same body answers the original record, as the caller may see it now (404 if they no longer
 * may), marked {@code Idempotent-Replayed: true}, and is audited as a {@code REPLAY};
 * <li>the same key with another body is a 422 problem;
 * <li>a replay while the first request is still creating is a 409 problem (try again); one whose first request died
 * part-way ({@code casebridge.idempotency.in-flight}, 30 s) creates the record under the id reserved for it.
 * </ul>
 * The key is reserved before the record is created, so two requests racing with one key cannot both create.
 */
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final String COLLECTION = "idempotent_creates";

    /** The stored record as the caller may see it now, and the rule that lets them (for the audit record). */
    public record Replay<T>(ResponseEntity<T> response, String grantedBy) {
    }

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration ttl;
    private final Duration inFlight;

    public IdempotentCreates(MongoTemplate mongo, JsonMapper json, AuditTrail audit, Clock clock, Duration ttl,
            Duration inFlight) {
        this.mongo = mongo;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.ttl = ttl;
        this.inFlight = inFlight;
        mongo.indexOps(COLLECTION).createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    /**
     * @param key the caller's {@code Idempotency-Key}, or null for a plain create
     * @param resourceType what is created, as audit records name it ({@code case}, {@code person}, {@code task})
     * @param request the parsed request body: its fingerprint tells a replay from another request under the same key
     * @param newId the id the record will get, if this request creates it
     * @param create creates the record under the id it is given and answers it
     * @param replay the record with that id as the caller may see it now, or empty if they may not
     */
    public <T> ResponseEntity<T> create(CurrentUser user, String key, String resourceType, Object request, String newId,
            Function<String, ResponseEntity<T>> create, Function<String, Optional<Replay<T>>> replay) {
        if (key == null) {
            return create.apply(newId);
        }
        String id = DigestUtils.sha256Hex(user.id() + '\u0000' + user.organisation() + '\u0000' + key);
        String fingerprint = DigestUtils.sha256Hex(json.writeValueAsBytes(request));
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            Document reservation = new Document("_id", id).append("user", user.id())
                    .append("organisation", user.organisation()).append("key", key).append("resourceType", resourceType)
                    .append("fingerprint", fingerprint).append("resourceId", newId).append("completed", false)
                    .append("createdAt", Date.from(now)).append("expiresAt", Date.from(now.plus(ttl)));
            try {
                mongo.insert(reservation, COLLECTION);
                return createReserved(reservation, create, false);
            } catch (DuplicateKeyException used) {
                Document earlier = mongo.findById(id, Document.class, COLLECTION);
                if (earlier == null) {
                    continue; // expired between the two reads
                }
                Instant createdAt = earlier.getDate("createdAt").toInstant();
                if (!createdAt.plus(ttl).isAfter(now)) {
                    // forgotten: older than the TTL, whether or not the database has removed it yet
                    if (replace(earlier, reservation)) {
                        return createReserved(reservation, create, false);
                    }
                    continue;
                }
                if (!resourceType.equals(earlier.getString("resourceType"))
                        || !fingerprint.equals(earlier.getString("fingerprint"))) {
                    throw DomainException.invalid("This Idempotency-Key was used for a different request in the last "
                            + ttl.toHours() + " hours. Send a new key for a new request.");
                }
                String resourceId = earlier.getString("resourceId");
                if (Boolean.TRUE.equals(earlier.getBoolean("completed"))) {
                    return replayed(user, resourceType, resourceId, replay);
                }
                if (createdAt.plus(inFlight).isAfter(now)) {
                    throw DomainException.conflict("A request with this Idempotency-Key is still being processed. "
                            + "Try again in a moment.");
                }
                // the first request died part-way: finish it under the id it reserved
                Document takeOver = new Document(reservation).append("resourceId", resourceId);
                if (replace(earlier, takeOver)) {
                    ResponseEntity<T> created = createReserved(takeOver, create, true);
                    return created != null ? created : replayed(user, resourceType, resourceId, replay);
                }
            }
        }
        throw DomainException.conflict("A request with this Idempotency-Key is still being processed. Try again in a moment.");
    }

    /** Null when taking over showed that the first request had created the record after all. */
    private <T> ResponseEntity<T> createReserved(Document reservation, Function<String, ResponseEntity<T>> create,
            boolean takingOver) {
        ResponseEntity<T> created;
        try {
            created = create.apply(reservation.getString("resourceId"));
        } catch (DuplicateKeyException createdAfterAll) {
            if (!takingOver) {
                release(reservation);
                throw createdAfterAll;
            }
            complete(reservation);
            return null;
        } catch (RuntimeException refused) {
            release(reservation);
            throw refused;
        }
        complete(reservation);
        return created;
    }

    /** Nothing was created: the key is free again, for this body or a corrected one. */
    private void release(Document reservation) {
        mongo.remove(Query.query(Criteria.where("_id").is(reservation.get("_id")).and("createdAt")
                .is(reservation.getDate("createdAt")).and("completed").is(false)), COLLECTION);
    }

    private void complete(Document reservation) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(reservation.get("_id"))), Update.update("completed", true),
                COLLECTION);
    }

    /** Replaces a reservation only if nobody else has since: the one that wins creates. */
    private boolean replace(Document earlier, Document replacement) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(earlier.get("_id")).and("createdAt")
                .is(earlier.getDate("createdAt"))), Update.fromDocument(new Document("$set", withoutId(replacement))),
                COLLECTION).getModifiedCount() == 1;
    }

    private static Document withoutId(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        return copy;
    }

    private <T> ResponseEntity<T> replayed(CurrentUser user, String resourceType, String resourceId,
            Function<String, Optional<Replay<T>>> replay) {
        // like any record the caller may not see: no hint that it exists
        Replay<T> seen = replay.apply(resourceId).orElseThrow(() -> DomainException.notFound(resourceType + " " + resourceId));
        audit.record(user, "REPLAY", resourceType, resourceId, seen.grantedBy(), null, null);
        ResponseEntity<T> original = seen.response();
        return ResponseEntity.status(original.getStatusCode()).headers(original.getHeaders())
                .header(REPLAYED_HEADER, "true").body(original.getBody());
    }
}
