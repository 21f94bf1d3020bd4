package org.casebridge.tasking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.bson.types.ObjectId;
import org.casebridge.contracts.Topics;
import org.casebridge.platform.test.ApiClient;
import org.casebridge.platform.test.RealInfrastructure;
import org.casebridge.platform.test.DemoUsers;
import org.casebridge.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * tasking-service's audit on the audit topic: a task change's record rides in the task's own outbox, in the write
 * that stores the change.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskAuditIT {

    private static final Duration ARRIVES = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    private final String jo = DemoUsers.JO_SMITH.token();

    private List<JsonNode> records(TopicProbe audit, String resourceId, String action) {
        return audit.about(resourceId).stream().map(r -> json.readTree(r.value()))
                .filter(r -> r.get("action").asString().equals(action)).toList();
    }

    @Test
    void aTaskChangeIsAuditedOnTheAuditTopic() throws Exception {
        try (TopicProbe audit = new TopicProbe(Topics.AUDIT)) {
            var created = ApiClient.onPort(port).call(HttpMethod.POST, "/api/v1/tasks", jo, null,
                    "{\"subjectKind\":\"PERSON\",\"subjectId\":\"" + new ObjectId().toHexString()
                            + "\",\"title\":\"Audited welfare check\"}");
            assertThat(created.getStatusCode().value()).isEqualTo(201);
            String id = created.getBody().get("id").asString();
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(records(audit, id, "CREATE")).singleElement()
                    .satisfies(r -> assertThat(r.get("userId").asString()).isEqualTo("jo.smith")));

            var updated = ApiClient.onPort(port).call(HttpMethod.POST, "/api/v1/tasks/" + id + "/updates", jo, null,
                    "{\"text\":\"Knocked, nobody in\"}");
            assertThat(updated.getStatusCode().value()).isEqualTo(201);
            await().atMost(ARRIVES).untilAsserted(() -> assertThat(records(audit, id, "UPDATE")).singleElement()
                    .satisfies(r -> assertThat(r.toString()).contains("Knocked, nobody in")));
        }
    }
}
