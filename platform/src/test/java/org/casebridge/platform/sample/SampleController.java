package org.casebridge.platform.sample;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.casebridge.contracts.cases.CaseOpened;
import org.casebridge.platform.domain.DomainException;
import org.casebridge.platform.events.AggregateStore;
import org.casebridge.platform.events.OutboxEvents;
import org.casebridge.platform.security.CurrentUser;
import org.casebridge.platform.web.ETags;
import org.casebridge.platform.web.IdempotentCreates;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/samples")
class SampleController {

    record Draft(@NotBlank @Size(max = 200) String title) {
    }

    private final AggregateStore store;
    private final OutboxEvents events;
    private final MongoTemplate mongo;
    private final IdempotentCreates idempotent;

    SampleController(AggregateStore store, OutboxEvents events, MongoTemplate mongo, IdempotentCreates idempotent) {
        this.store = store;
        this.events = events;
        this.mongo = mongo;
        this.idempotent = idempotent;
    }

    @PostMapping
    ResponseEntity<SampleCase> open(@Valid @RequestBody Draft draft, CurrentUser user,
            @RequestHeader(name = IdempotentCreates.HEADER, required = false) String idempotencyKey) {
        return idempotent.create(user, idempotencyKey, "sample", draft, UUID.randomUUID().toString(), id -> {
            SampleCase sample = new SampleCase();
            sample.id = id;
            sample.version = 1;
            sample.title = draft.title();
            sample.owner = user.organisation();
            sample.outbox.add(events.of(sample.id, 1L, opened(sample, user)));
            store.insert(sample, "samples");
            return created(sample);
        }, id -> Optional.ofNullable(mongo.findById(id, SampleCase.class, "samples"))
                .filter(sample -> sample.owner.equals(user.organisation()))
                .map(sample -> new IdempotentCreates.Replay<>(created(sample), "owner")));
    }

    private static ResponseEntity<SampleCase> created(SampleCase sample) {
        return ResponseEntity.created(URI.create("/api/v1/samples/" + sample.id)).eTag(ETags.of(sample.version)).body(sample);
    }

    @GetMapping("/{id}")
    ResponseEntity<SampleCase> get(@PathVariable String id) {
        SampleCase sample = mongo.findById(id, SampleCase.class, "samples");
        if (sample == null) {
            throw DomainException.notFound("Sample " + id);
        }
        return ResponseEntity.ok().eTag(ETags.of(sample.version)).body(sample);
    }

    @PutMapping("/{id}")
    ResponseEntity<SampleCase> rename(@PathVariable String id, @Valid @RequestBody Draft draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentUser user) {
        long expected = ETags.requireIfMatch(ifMatch);
        SampleCase sample = get(id).getBody();
        sample.title = draft.title();
        sample.version = expected + 1;
        sample.outbox = List.of();
        if (!store.update("samples", id, expected, sample, List.of(events.of(id, sample.version, opened(sample, user))))) {
            throw ETags.stale();
        }
        return ResponseEntity.ok().eTag(ETags.of(sample.version)).body(sample);
    }

    private static CaseOpened opened(SampleCase sample, CurrentUser user) {
        return new CaseOpened(sample.id, "ASB-2026-000001", "ASB_PERSONAL", false, sample.title, "OPEN", sample.owner, user.id(),
                null, user.id(), Instant.now());
    }
}
