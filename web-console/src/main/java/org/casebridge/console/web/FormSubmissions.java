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
 * a second (a double click, a browser retry, another console instance) waits for it and lands on the same page,
 * so one form makes one record even for API calls that take no Idempotency-Key. Kept in the console's database
 * for a day.
 */
@Component
public class FormSubmissions {

    private static final String COLLECTION = "form_submissions";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MongoTemplate mongo;

    FormSubmissions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Runs {@code work} once per user and key; answers where the browser should go next. */
    public String once(String user, String key, Supplier<String> work) {
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
            return outcomeOf(id);
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

    private String outcomeOf(String id) {
        Instant until = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(until)) {
            Document done = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
            if (done == null) {
                return null;
            }
            if (done.getString("next") != null) {
                return done.getString("next");
            }
            try {
                Thread.sleep(100); // the first submission is still with the API
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return null;
    }

    @Scheduled(fixedDelayString = "PT1H")
    void forgetOldKeys() {
        mongo.remove(Query.query(Criteria.where("at").lt(Date.from(Instant.now().minus(Duration.ofDays(1))))), COLLECTION);
    }
}
