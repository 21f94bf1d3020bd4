package org.casebridge.platform.sample;

import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A count for analysts and an inbound door for partner systems, as real services have. */
@RestController
@RequestMapping("/api/v1/samples")
class SampleReportController {

    private final MongoTemplate mongo;

    SampleReportController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/reports/count")
    Map<String, Long> count() {
        return Map.of("samples", mongo.getCollection("samples").countDocuments());
    }

    @PostMapping("/inbound")
    Map<String, String> inbound() {
        return Map.of("status", "ACCEPTED");
    }
}
