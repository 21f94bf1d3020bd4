package org.casebridge.platform.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request of every common shape (enum, boolean, number, dates, lists, maps, nesting), to test strict input. */
@RestController
@RequestMapping("/api/v1/sample-profiles")
class SampleProfileController {

    enum Priority { LOW, HIGH }

    record Address(@Size(max = 200) String line1, String postcode) {
    }

    record Profile(@NotBlank @Size(max = 200) String name, @Size(max = 10_000) String notes, Priority priority, Boolean urgent,
            Integer score, Instant due, LocalDate born, List<String> tags, Map<String, String> contacts, @Valid Address address) {
    }

    private final MongoTemplate mongo;

    SampleProfileController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostMapping
    ResponseEntity<Profile> create(@Valid @RequestBody Profile profile) {
        Document stored = new Document("_id", UUID.randomUUID().toString()).append("name", profile.name())
                .append("notes", profile.notes()).append("tags", profile.tags());
        mongo.insert(stored, "profiles");
        return ResponseEntity.status(HttpStatus.CREATED).body(profile);
    }
}
