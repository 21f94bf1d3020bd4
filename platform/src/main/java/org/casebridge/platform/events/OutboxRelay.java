package org.casebridge.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.casebridge.contracts.CloudEventConventions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

/**
 * Publishes what commands left in outboxes, oldest first per document, and removes each event only after the
 * broker acknowledged it (idempotent producer, acks=all). While Kafka is down events simply wait: the
 * command that produced them has already succeeded. Delivery is at-least-once; consumers skip repeats.
 */
public class OutboxRelay {

    /** Collection for events that belong to no aggregate document, such as audit records. */
    public static final String STANDALONE_COLLECTION = "outbox";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final List<String> aggregateCollections;
    private final String source;
    private final Duration sendTimeout;
    private final int batchSize;

    private final PendingOutboxes pending;
    private final Duration fullScanEvery;
    private final Duration fullScanLongest;
    /** The gap until the next full scan: grows while scans find nothing, back to {@code fullScanEvery} otherwise. */
    private Duration scanGap;
    private long lastFullScan;
    private boolean scannedOnce;
    /** Events found and events published in the pass under way. */
    private int found;
    private int published;

    /** Full scans every {@code fullScanEvery}, however long they keep finding nothing. */
    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> kafka, List<String> aggregateCollections,
            String serviceName, Duration sendTimeout, int batchSize, PendingOutboxes pending, Duration fullScanEvery) {
        this(mongo, kafka, aggregateCollections, serviceName, sendTimeout, batchSize, pending, fullScanEvery, fullScanEvery);
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> kafka, List<String> aggregateCollections,
            String serviceName, Duration sendTimeout, int batchSize, PendingOutboxes pending, Duration fullScanEvery,
            Duration fullScanLongest) {
        this.mongo = mongo;
        this.pending = pending;
        this.fullScanEvery = fullScanEvery;
        this.fullScanLongest = fullScanLongest.compareTo(fullScanEvery) < 0 ? fullScanEvery : fullScanLongest;
        this.scanGap = fullScanEvery;
        this.kafka = kafka;
        this.aggregateCollections = List.copyOf(aggregateCollections);
        this.source = CloudEventConventions.source(serviceName);
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
    }

    /** One pass that logs instead of throwing (run by {@link OutboxRelayLoop}). */
    public void relayPending() {
        try {
            relayOnce();
        } catch (RuntimeException e) {
            log.warn("Outbox relay pass failed, will retry: {}", e.getMessage());
        }
    }

    /**
     * One pass: the documents this instance has just changed, fetched by id, and the standalone outbox if this
     * instance just wrote to it; and now and then (and on the first pass) every document with pending events and the
     * whole standalone outbox. An idle pass touches no database. Returns how many events were published.
     *
     * <p>The full scan is only the safety net (for what a crash, another instance or a direct write left behind), so
     * while it keeps finding nothing its gap doubles from {@code full-scan-every} up to {@code full-scan-longest}: an
     * idle service stops rereading its collections every few seconds. Any pass that fails or leaves events unpublished
     * (the broker away) brings the gap back, so what is left behind is tried again soon.
     */
    public int relayOnce() {
        boolean fullScan = !scannedOnce || System.nanoTime() - lastFullScan >= scanGap.toNanos();
        if (fullScan) {
            scannedOnce = true;
            lastFullScan = System.nanoTime();
        }
        Duration gapBefore = scanGap;
        scanGap = fullScanEvery; // what it stays at if this pass throws
        found = 0;
        published = 0;
        for (String collection : aggregateCollections) {
            Criteria withEvents = Criteria.where("outbox.0").exists(true);
            if (fullScan) {
                relayAggregateOutboxes(collection, withEvents);
            } else {
                List<Object> noted = pending.take(collection, batchSize);
                if (!noted.isEmpty()) {
                    relayAggregateOutboxes(collection, withEvents.and("_id").in(noted));
                }
            }
        }
        if (pending.takeStandalone() | fullScan) {
            relayStandalone();
        }
        if (found > published) {
            scanGap = fullScanEvery;
        } else if (fullScan) {
            scanGap = found > 0 ? fullScanEvery : min(gapBefore.multipliedBy(2), fullScanLongest);
        } else {
            scanGap = gapBefore;
        }
        return published;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Documents are relayed side by side, each in its own order: the first pending event of every document is sent,
     * all acknowledgements awaited, then the second, and so on. Waiting for each event in turn made the relay the
     * slowest step of the whole pipeline; a document whose event fails stops there, so nothing overtakes it.
     */
    private void relayAggregateOutboxes(String collection, Criteria which) {
        Query pending = new Query(which).with(Sort.by("_id")).limit(batchSize);
        pending.fields().include("_id").include("outbox");
        List<PendingDocument> documents = mongo.find(pending, Document.class, collection).stream()
                .map(doc -> new PendingDocument(doc.get("_id"), doc.getList("outbox", Document.class), new ArrayList<>()))
                .toList();
        documents.forEach(document -> found += document.events().size());
        boolean brokerAway = false;
        for (int wave = 0; !brokerAway; wave++) {
            Map<PendingDocument, Sending> sending = new LinkedHashMap<>();
            for (PendingDocument document : documents) {
                if (document.published().size() == wave && wave < document.events().size()) {
                    Sending send = send(document.events().get(wave));
                    if (send != null) {
                        sending.put(document, send);
                        if (send.acknowledgement().isCompletedExceptionally()) {
                            break; // the producer gave up at once (no broker): send no more this pass
                        }
                    }
                }
            }
            if (sending.isEmpty()) {
                break;
            }
            awaitAll(sending.values());
            for (Map.Entry<PendingDocument, Sending> entry : sending.entrySet()) {
                if (acknowledged(entry.getValue())) {
                    entry.getKey().published().add(entry.getValue().eventId());
                } else {
                    brokerAway = true; // no further wave: what failed is tried again next pass, in the same order
                }
            }
        }
        for (PendingDocument document : documents) {
            if (!document.published().isEmpty()) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(document.id())), new Update().pull("outbox",
                        new Document("eventId", new Document("$in", document.published()))), collection);
                published += document.published().size();
            }
        }
    }

    /**
     * Events that belong to no document have no order to keep among them: all are sent, then all awaited. A full batch
     * (there may be more) or a failed send has the next pass look again.
     */
    private void relayStandalone() {
        Query waiting = new Query().with(Sort.by("time")).limit(batchSize);
        List<Sending> sending = new ArrayList<>();
        List<Document> events = mongo.find(waiting, Document.class, STANDALONE_COLLECTION);
        found += events.size();
        for (Document event : events) {
            Sending send = send(event);
            if (send != null) {
                sending.add(send);
                if (send.acknowledgement().isCompletedExceptionally()) {
                    break;
                }
            }
        }
        awaitAll(sending);
        List<Object> done = new ArrayList<>();
        for (Sending send : sending) {
            if (acknowledged(send)) {
                done.add(send.documentId());
            }
        }
        if (!done.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(done)), STANDALONE_COLLECTION);
        }
        published += done.size();
        if (events.size() == batchSize || done.size() < events.size()) {
            pending.notedStandalone();
        }
    }

    private record PendingDocument(Object id, List<Document> events, List<String> published) {
    }

    private record Sending(String eventId, Object documentId, CompletableFuture<?> acknowledgement) {
    }

    /** Hands the event to the producer; null (and a log line) if it cannot even be turned into a CloudEvent. */
    private Sending send(Document event) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = toCloudEvent(event);
        } catch (RuntimeException e) {
            log.error("Outbox event {} cannot be published and stays where it is: {}", event.get("eventId"), e.getMessage());
            return null;
        }
        CompletableFuture<?> acknowledgement;
        try {
            acknowledgement = kafka.send(event.getString("topic"), event.getString("subject"), cloudEvent);
        } catch (RuntimeException e) {
            acknowledgement = CompletableFuture.failedFuture(e);
        }
        return new Sending(event.getString("eventId"), event.get("_id"), acknowledgement);
    }

    /** Waits, within one send time-out for them all, until every send is acknowledged or has failed. */
    private void awaitAll(Collection<Sending> sends) {
        try {
            CompletableFuture.allOf(sends.stream().map(Sending::acknowledgement).toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("{} of {} events not yet published: {}", sends.stream().filter(send -> !acknowledged(send)).count(),
                    sends.size(), (e.getCause() == null ? e : e.getCause()).getMessage());
        }
    }

    private static boolean acknowledged(Sending send) {
        return send.acknowledgement().isDone() && !send.acknowledgement().isCompletedExceptionally();
    }

    private CloudEvent toCloudEvent(Document event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.getString("eventId"))
                .withType(event.getString("type"))
                .withSource(URI.create(source))
                .withSubject(event.getString("subject"))
                .withTime(event.getDate("time").toInstant().atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventConventions.DATA_CONTENT_TYPE)
                .withDataSchema(URI.create("urn:casebridge:schema:" + event.getString("type")))
                .withData(event.getString("data").getBytes(StandardCharsets.UTF_8));
        Number sequence = event.get("sequence", Number.class);
        if (sequence != null) {
            builder.withExtension(CloudEventConventions.SEQUENCE_EXTENSION, sequence.longValue());
        }
        return builder.build();
    }
}
