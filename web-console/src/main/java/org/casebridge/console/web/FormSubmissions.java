package org.casebridge.console.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.MongoWriteException;
import com.mongodb.ErrorCategory;

/**
 * Each form carries a key of its own, made when the form was drawn. The first submission of a key does the work;
 * a second (a double click, a browser retry, another console instance) is answered at once: where the first has
 * finished, with the page the first led to; while it is still with the API, with the page the caller names for that
 * form (the case, My work...), never by waiting on a request thread. So one form makes one record even for API calls
 * that take no Idempotency-Key. Kept in the console's database for a day.
 */
@Component
public class FormSubmissions {

    private static final String COLLECTION = "form_submissions";

    private final MongoTemplate mongo;

    FormSubmissions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** As below, answering null to a second submission whose first has not finished: the caller picks the page. */
    public String once(String user, String key, Supplier<String> work) {
        return once(user, key, null, work);
    }

    /**
     * Runs {@code work} once per user and key; answers where the browser should go next: what {@code work} said, or
     * for a second submission the first one's redirect, or {@code whileRunning} (a redirect) if there is none yet.
     */
    public String once(String user, String key, String whileRunning, Supplier<String> work) {
        if (key == null || key.isBlank()) {
            return work.get();
        }
        String id = user + "|" + key;
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", id).append("at", new Date()));
        } catch (DuplicateKeyException | MongoWriteException duplicate) {
            if (duplicate instanceof MongoWriteException e && e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw duplicate;
            }
            return outcomeOf(id, whileRunning);
        }
        String next;
        try {
            next = work.get();
        } catch (RuntimeException failed) {
            // nothing was made: the same form may be sent again
            mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
            throw failed;
        }
        if (next != null && next.startsWith("redirect:")) {
            mongo.getCollection(COLLECTION).updateOne(new Document("_id", id), new Document("$set", new Document("next", next)));
        } else {
            // a form shown again with its errors: the user corrects it and sends the same key again
            mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
        }
        return next;
    }

    /** Where the first submission led, or, while it is still running (or was sent back with errors), the fallback. */
    private String outcomeOf(String id, String whileRunning) {
        Document first = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
        String next = first == null ? null : first.getString("next");
        return next != null ? next : whileRunning;
    }

    @Scheduled(fixedDelayString = "PT1H")
    void forgetOldKeys() {
        mongo.remove(Query.query(Criteria.where("at").lt(Date.from(Instant.now().minus(Duration.ofDays(1))))), COLLECTION);
    }
}
