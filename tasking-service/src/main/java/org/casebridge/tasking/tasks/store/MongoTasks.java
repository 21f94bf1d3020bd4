package org.casebridge.tasking.tasks.store;

import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.casebridge.tasking.tasks.domain.Task;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Tasks in MongoDB. */
@Repository
public class MongoTasks {

    static final String COLLECTION = "tasks";

    private final MongoTemplate mongo;

    MongoTasks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Ids sort by creation time, which gives newest-first lists and cursors for free. */
    public String newId() {
        return new ObjectId().toHexString();
    }

    public void insert(Task created, String idempotencyKey) {
        TaskDocument doc = TaskDocument.of(created);
        doc.idempotencyKey = idempotencyKey;
        mongo.insert(doc, COLLECTION);
    }

    public Optional<Task> find(String id) {
        return Optional.ofNullable(mongo.findById(id, TaskDocument.class, COLLECTION)).map(TaskDocument::toTask);
    }

    public Optional<Task> findByIdempotencyKey(String idempotencyKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(idempotencyKey)),
                TaskDocument.class, COLLECTION)).map(TaskDocument::toTask);
    }

    /** One page of the tasks assigned to a user, newest first, after the cursor (a task id) if given. */
    public List<Task> assignedTo(String userId, String after, int limit) {
        Criteria criteria = Criteria.where("assignee").is(userId);
        if (after != null) {
            criteria = criteria.and("_id").lt(after);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        return mongo.find(query, TaskDocument.class, COLLECTION).stream().map(TaskDocument::toTask).toList();
    }
}
