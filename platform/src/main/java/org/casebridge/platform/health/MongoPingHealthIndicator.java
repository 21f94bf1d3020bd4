package org.casebridge.platform.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code ping}, which every MongoDB-wire server answers (Boot's indicator asks {@code hello},
 * which the embedded server does not support).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", reply.get("ok"));
    }
}
