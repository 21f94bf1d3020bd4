package org.casebridge.tasking.tasks.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.Aggregates;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.tasking.tasks.domain.Actor;
import org.casebridge.tasking.tasks.domain.Task;
import org.casebridge.tasking.tasks.domain.TaskList;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Tasks in MongoDB: each change and its events in one document write. */
@Repository
public class MongoTasks extends Aggregates<Task, TaskDocument> {

    static final String COLLECTION = "tasks";
    private static final List<String> OPEN = List.of("NEW", "ACCEPTED", "IN_PROGRESS");

    MongoTasks(MongoTemplate mongo, AggregateStore store, OutboxEvents events) {
        super(mongo, store, events, COLLECTION, TaskDocument.class, TaskDocument::of, TaskDocument::toTask);
    }

    /** Optional filters on top of a view; null means any. */
    public record Filters(String caseId, String status, String priority) {
    }

    /** One page of a view, newest first, after the cursor (a task id) if given. */
    public List<Task> list(TaskList view, Actor actor, Filters filters, LocalDate today, String after, int limit) {
        List<Criteria> all = new ArrayList<>();
        Criteria mine = Criteria.where("assignee.kind").is("USER").and("assignee.id").is(actor.userId());
        List<String> teams = actor.principals().stream().filter(p -> p.startsWith("team:")).map(p -> p.substring(5)).toList();
        Criteria team = new Criteria().orOperator(Criteria.where("assignee.kind").is("TEAM").and("assignee.id").in(teams),
                Criteria.where("assignee.kind").is("ORGANISATION").and("assignee.organisation").is(actor.organisation()));
        Criteria setByMe = Criteria.where("createdBy").is(actor.userId());
        switch (view) {
            case MINE -> all.add(mine);
            case TEAM -> all.add(team);
            case SET_BY_ME -> all.add(setByMe);
            case OVERDUE -> {
                all.add(new Criteria().orOperator(mine, team, setByMe));
                all.add(Criteria.where("status").in(OPEN));
                all.add(Criteria.where("dueDate").lt(today));
            }
            case CASE -> all.add(Criteria.where("subjectKind").is("CASE"));
        }
        if (filters.caseId() != null) {
            all.add(Criteria.where("subjectKind").is("CASE").and("subjectId").is(filters.caseId()));
        }
        if (filters.status() != null) {
            all.add(Criteria.where("status").is(filters.status()));
        }
        if (filters.priority() != null) {
            all.add(Criteria.where("priority").is(filters.priority()));
        }
        if (after != null) {
            all.add(Criteria.where("_id").lt(after));
        }
        Query query = Query.query(new Criteria().andOperator(all)).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        query.fields().exclude("outbox");
        return mongo.find(query, TaskDocument.class, COLLECTION).stream().map(TaskDocument::toTask).toList();
    }

    /** Open tasks with a due date on or before {@code until}: the ones the deadline rules may act on. */
    public List<Task> openDueBy(LocalDate until, int limit) {
        Query query = Query.query(Criteria.where("status").in(OPEN).and("dueDate").lte(until)).limit(limit);
        return mongo.find(query, TaskDocument.class, COLLECTION).stream().map(TaskDocument::toTask).toList();
    }

    public List<Task> aboutPerson(String personId) {
        Query query = Query.query(Criteria.where("subjectKind").is("PERSON").and("subjectId").is(personId));
        return mongo.find(query, TaskDocument.class, COLLECTION).stream().map(TaskDocument::toTask).toList();
    }

    public List<Task> openOnCase(String caseId) {
        Query query = Query.query(Criteria.where("subjectKind").is("CASE").and("subjectId").is(caseId).and("status").in(OPEN));
        return mongo.find(query, TaskDocument.class, COLLECTION).stream().map(TaskDocument::toTask).toList();
    }

    /** Every task set or completed in the period, for the partnership's figures (no personal data leaves here). */
    public List<Task> setBetween(java.time.Instant from, java.time.Instant to) {
        Query query = Query.query(Criteria.where("createdAt").gte(from).lt(to));
        query.fields().exclude("outbox", "updates");
        return mongo.find(query, TaskDocument.class, COLLECTION).stream().map(TaskDocument::toTask).toList();
    }

    public List<Task> completedBetween(java.time.Instant from, java.time.Instant to) {
        Query query = Query.query(Criteria.where("completedAt").gte(from).lt(to));
        query.fields().exclude("outbox", "updates");
        return mongo.find(query, TaskDocument.class, COLLECTION).stream().map(TaskDocument::toTask).toList();
    }

    public List<Task> allOpen() {
        Query query = Query.query(Criteria.where("status").in(OPEN));
        query.fields().exclude("outbox", "updates");
        return mongo.find(query, TaskDocument.class, COLLECTION).stream().map(TaskDocument::toTask).toList();
    }
}
